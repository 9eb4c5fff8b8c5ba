using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Baclofen.Bot.Host.Tests.DirectLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Host.Tests.Widget;

/// <summary>
/// A clinic on Azure Bot Service: the token endpoint trades the Direct Line secret for a token
/// at the configured base URL (here a loopback stand-in) and tells the widget where to connect.
/// </summary>
public sealed class AzureDirectLineModeTests : IAsyncLifetime
{
    private const string Secret = "AZURE-DIRECTLINE-SECRET-must-never-reach-a-browser";
    private WebApplication _standIn = null!;
    private string _standInAddress = null!;
    private readonly ConcurrentQueue<(string? Authorization, string Body)> _seen = new();
    private volatile bool _standInFails;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _standIn = builder.Build();
        _standIn.MapPost("/v3/directline/tokens/generate", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _seen.Enqueue((context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            return _standInFails
                ? Results.Text("upstream says " + Secret, statusCode: 500)
                : Results.Json(new { conversationId = "AzureConv123-us", token = "azure-token-for-AzureConv123", expires_in = 3600 });
        });
        await _standIn.StartAsync();
        _standInAddress = _standIn.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync() => await _standIn.DisposeAsync();

    private Task<TestApp> StartBotAsync() => TestApp.StartAsync(new Dictionary<string, string?>
    {
        ["Widget:DirectLine:Secret"] = Secret,
        ["Widget:DirectLine:BaseUrl"] = _standInAddress,
    });

    [Fact]
    public async Task Token_endpoint_exchanges_the_secret_server_side_and_returns_the_azure_domain()
    {
        await using var app = await StartBotAsync();
        using var response = await app.Http.PostAsync("/api/widget/token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, raw);
        Assert.DoesNotContain(response.Headers, h => h.Value.Any(v => v.Contains(Secret, StringComparison.Ordinal)));

        using var body = JsonDocument.Parse(raw);
        Assert.Equal("azure-token-for-AzureConv123", body.RootElement.GetProperty("token").GetString());
        Assert.Equal("AzureConv123-us", body.RootElement.GetProperty("conversationId").GetString());
        Assert.Equal(_standInAddress + "/v3/directline", body.RootElement.GetProperty("domain").GetString());
        var userId = body.RootElement.GetProperty("userId").GetString();
        Assert.StartsWith("dl_", userId);

        var (authorization, sent) = Assert.Single(_seen);
        Assert.Equal("Bearer " + Secret, authorization);
        using var sentBody = JsonDocument.Parse(sent);
        Assert.Equal(userId, sentBody.RootElement.GetProperty("user").GetProperty("id").GetString());

        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_may_connect_to_azure_and_never_sees_the_secret()
    {
        await using var app = await StartBotAsync();
        using var page = await app.Http.GetAsync("/");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"connect-src 'self' {_standInAddress};", csp);
        foreach (var path in new[] { "/", "/widget.js", "/widget.css" })
        {
            Assert.DoesNotContain(Secret, await app.Http.GetStringAsync(path));
        }
    }

    [Fact]
    public async Task An_upstream_failure_is_a_502_without_the_secret()
    {
        await using var app = await StartBotAsync();
        _standInFails = true;
        using var response = await app.Http.PostAsync("/api/widget/token", null);
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }
}
