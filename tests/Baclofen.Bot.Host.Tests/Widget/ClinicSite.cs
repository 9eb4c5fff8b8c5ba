using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Host.Tests.Widget;

/// <summary>
/// A clinic's own website on another loopback origin (another port) that pastes the one
/// script tag, as a real clinic would: it proves the embed works cross-origin.
/// </summary>
public sealed class ClinicSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ClinicSite(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    public string Origin { get; }

    /// <summary>Where the page's script tag points; set before the page is loaded.</summary>
    public string BotAddress { get; set; } = "";

    public static async Task<ClinicSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ClinicSite? site = null;
        app.MapGet("/", () => Results.Content(
            $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lakeside Family Practice</title></head>
            <body><h1>Lakeside Family Practice</h1><p>Welcome to our practice.</p>
            <script src="{site!.BotAddress}/widget.js" async data-clinic-name="Lakeside Family Practice" data-accent-color="rebeccapurple" data-position="left" data-emergency-number="112"></script>
            </body></html>
            """, "text/html; charset=utf-8"));
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        site = new ClinicSite(app, origin);
        return site;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
