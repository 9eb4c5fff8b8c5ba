using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>A loopback OAuth token endpoint that records the forms posted to it and issues numbered tokens.</summary>
public sealed class TokenEndpoint : IAsyncDisposable
{
    public const string Path = "/botframework.com/oauth2/v2.0/token";

    private int _issued;

    public LoopbackServer Server { get; private set; } = null!;

    public ConcurrentQueue<Dictionary<string, string>> Forms { get; } = new();

    public int ExpiresInSeconds { get; set; } = 3600;

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>When set, every request is answered with this status and an OAuth error body.</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>Sent as Retry-After (seconds) with a failure when set.</summary>
    public int? RetryAfterSeconds { get; set; }

    public int Requests => Server.Count(Path);

    public static async Task<TokenEndpoint> StartAsync()
    {
        var endpoint = new TokenEndpoint();
        endpoint.Server = await LoopbackServer.StartAsync(endpoint.HandleAsync);
        return endpoint;
    }

    /// <summary>The configured template that makes the provider post here.</summary>
    public string Template => Server.BaseUrl + "{tenant}/oauth2/v2.0/token";

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        Forms.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }

        context.Response.ContentType = "application/json";
        if (FailWithStatus is { } status)
        {
            context.Response.StatusCode = status;
            if (RetryAfterSeconds is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            // Echoes the posted secret, so a test notices if anything surfaces the error body.
            var secret = form["client_secret"].ToString();
            await context.Response.WriteAsync($$"""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Secret {{secret}}"}""");
            return;
        }

        var n = Interlocked.Increment(ref _issued);
        await context.Response.WriteAsync($$"""{"token_type":"Bearer","expires_in":{{ExpiresInSeconds}},"ext_expires_in":{{ExpiresInSeconds}},"access_token":"token-{{n}}"}""");
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
