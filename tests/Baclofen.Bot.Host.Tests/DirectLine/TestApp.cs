using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Baclofen.Bot.Host.DirectLine;
using Baclofen.Bot.Host.Widget;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>
/// The widget and Direct Line endpoints composed the way Program.cs is expected to compose
/// them (AddDirectLine, MapDirectLine, MapWidget), on a real Kestrel at 127.0.0.1 with a free
/// port, so HttpClient and Chromium talk to it over the loopback like a browser would.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, string baseAddress, IDirectLineBot bot, LogSink logs)
    {
        _app = app;
        BaseAddress = baseAddress;
        Bot = bot;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(baseAddress) };
    }

    public string BaseAddress { get; }

    public IDirectLineBot Bot { get; }

    public HttpClient Http { get; }

    public LogSink Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(IDictionary<string, string?>? settings = null, IDirectLineBot? bot = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Widget:TokenSigningKey"] = "test-signing-key-0123456789-abcdefghijklmnop",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new LogSink();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        bot ??= new ClinicTestBot();
        builder.Services.AddSingleton(bot);
        builder.Services.AddDirectLine(builder.Configuration);

        var app = builder.Build();
        app.MapDirectLine();
        app.MapWidget();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestApp(app, address.TrimEnd('/'), bot, logs);
    }

    /// <summary>
    /// The real host as Program.cs runs it (BotApp: CloudAdapter, the FAQ bot on the repository's
    /// faq/ and appsettings.json), with the Direct Line turns recorded on their way to the adapter.
    /// </summary>
    public static async Task<TestApp> StartRealAsync(IDictionary<string, string?>? settings = null)
    {
        var logs = new LogSink();
        var recorder = new RecordingDirectLineBot();
        string[] args = ["--urls", "http://127.0.0.1:0", .. (settings ?? new Dictionary<string, string?>()).Select(kv => $"--{kv.Key}={kv.Value}")];
        var app = BotApp.Build(args, services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<IDirectLineBot>(sp =>
            {
                recorder.Inner = ActivatorUtilities.CreateInstance<AdapterDirectLineBot>(sp);
                return recorder;
            });
        });
        await app.StartAsync();
        return new TestApp(app, BotApp.GetAddress(app).ToString().TrimEnd('/'), recorder, logs);
    }

    public async Task<WidgetTokenResponse> NewTokenAsync()
    {
        using var response = await Http.PostAsync("/api/widget/token", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WidgetTokenResponse>())!;
    }

    /// <summary>Token, then start: what Web Chat does when the widget opens.</summary>
    public async Task<WidgetTokenResponse> StartConversationAsync()
    {
        var token = await NewTokenAsync();
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token.Token, """{"user":{"id":"ignored"}}""");
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return token;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return Http.SendAsync(request);
    }

    public async Task<string> PostMessageAsync(WidgetTokenResponse token, string text, string clientActivityId)
    {
        var body = JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            textFormat = "plain",
            channelId = "webchat",
            from = new { id = token.UserId, name = "", role = "user" },
            locale = "en-US",
            channelData = new { clientActivityID = clientActivityId },
        });
        using var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token, body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<(List<JsonElement> Activities, string Watermark)> PollAsync(WidgetTokenResponse token, string? watermark)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities?watermark={watermark}", token.Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var activities = doc.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
        return (activities, doc.RootElement.GetProperty("watermark").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record WidgetTokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("token")] string Token,
        [property: System.Text.Json.Serialization.JsonPropertyName("conversationId")] string ConversationId,
        [property: System.Text.Json.Serialization.JsonPropertyName("userId")] string UserId,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
        [property: System.Text.Json.Serialization.JsonPropertyName("domain")] string? Domain);

    /// <summary>Every log line the app writes, to check that no token, secret or message text is logged.</summary>
    public sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogSink sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}

/// <summary>Passes turns to the real adapter and remembers what went in.</summary>
public sealed class RecordingDirectLineBot : IDirectLineBot
{
    private readonly ConcurrentQueue<Baclofen.Bot.Protocol.Schema.Activity> _received = new();

    public IDirectLineBot? Inner { get; set; }

    public IReadOnlyList<Baclofen.Bot.Protocol.Schema.Activity> Received => [.. _received];

    public Task<IReadOnlyList<Baclofen.Bot.Protocol.Schema.Activity>> ProcessAsync(Baclofen.Bot.Protocol.Schema.Activity incoming, CancellationToken cancellationToken)
    {
        _received.Enqueue(incoming);
        return Inner!.ProcessAsync(incoming, cancellationToken);
    }
}

/// <summary>A clock the tests move by hand, for token expiry and idle conversations.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
