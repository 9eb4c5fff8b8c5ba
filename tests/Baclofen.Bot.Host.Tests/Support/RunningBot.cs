using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Host.Tests.Support;

/// <summary>The real host (BotApp), started on 127.0.0.1 with a free port.</summary>
internal sealed class RunningBot : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningBot(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        BaseAddress = Host.BotApp.GetAddress(app);
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "/api/messages");

    public HttpClient Http { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<RunningBot> StartAsync(string[]? extraArgs = null, Action<IServiceCollection>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        string[] args = ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Debug", .. extraArgs ?? []];
        var app = Host.BotApp.Build(args, services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            configure?.Invoke(services);
        });
        await app.StartAsync();
        return new RunningBot(app, logs);
    }

    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity) => Http.PostAsJsonAsync("/api/messages", activity);

    /// <summary>Posts with an Authorization header (a Bot Connector token), as the channel would.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? bearerToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Begins a graceful stop, as SIGTERM would.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
