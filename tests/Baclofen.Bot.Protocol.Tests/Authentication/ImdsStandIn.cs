using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>
/// The Azure Instance Metadata Service's token endpoint on 127.0.0.1, for managed identity tests. MSAL reads
/// the IMDS address from AZURE_POD_IDENTITY_AUTHORITY_HOST once per process and keeps it, so there is one
/// stand-in for the whole test run, started before the first managed identity request.
/// </summary>
public sealed class ImdsStandIn
{
    public const string TokenPath = "/metadata/identity/oauth2/token";

    private static readonly Lazy<Task<ImdsStandIn>> Shared = new(StartAsync);
    private int _issued;

    private ImdsStandIn(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    /// <summary>Every token request: its query and whether it carried the <c>Metadata: true</c> header.</summary>
    public ConcurrentQueue<(IQueryCollection Query, bool MetadataHeader)> Requests { get; } = new();

    public static Task<ImdsStandIn> InstanceAsync() => Shared.Value;

    private static async Task<ImdsStandIn> StartAsync()
    {
        ImdsStandIn? imds = null;
        var server = await LoopbackServer.StartAsync(context => imds!.HandleAsync(context));
        imds = new ImdsStandIn(server);
        Environment.SetEnvironmentVariable("AZURE_POD_IDENTITY_AUTHORITY_HOST", server.BaseUrl.GetLeftPart(UriPartial.Authority));
        return imds;
    }

    public int RequestsFor(string clientId) => Requests.Count(r => r.Query["client_id"] == clientId);

    private Task HandleAsync(HttpContext context)
    {
        Requests.Enqueue((context.Request.Query, context.Request.Headers["Metadata"] == "true"));
        if (context.Request.Path != TokenPath || context.Request.Headers["Metadata"] != "true")
        {
            context.Response.StatusCode = 400;
            return Task.CompletedTask;
        }

        var n = Interlocked.Increment(ref _issued);
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""
            {"access_token":"mi-token-{{n}}","expires_in":"3600","expires_on":"{{expiresOn}}","resource":"{{context.Request.Query["resource"]}}","token_type":"Bearer","client_id":"{{context.Request.Query["client_id"]}}"}
            """);
    }
}
