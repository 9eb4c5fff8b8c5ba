using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Host.Tests.Support;

/// <summary>
/// Stands in for the Emulator's connector: a Kestrel app on 127.0.0.1 that accepts the
/// Connector API's activity POSTs and keeps what arrived, exactly as it arrived on the wire.
/// </summary>
internal sealed class TestChannelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedActivity> _received = Channel.CreateUnbounded<ReceivedActivity>();
    private int _nextId = 1000;

    private TestChannelServer(WebApplication app) => _app = app;

    /// <summary>What the channel answers; set to 500 to play a broken connector.</summary>
    public int ResponseStatus { get; set; } = StatusCodes.Status201Created;

    /// <summary>Statuses answered first, one per request, before <see cref="ResponseStatus"/> applies (503 then 201: a retry).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<int> ScriptedStatuses { get; } = new();

    /// <summary>Every request that arrived, including the ones answered with an error.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    private int _requestCount;

    /// <summary>The serviceUrl to put in activities (with a path, as the Playground's has).</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Activities accepted (answered with a success status).</summary>
    public int ReceivedCount { get; private set; }

    public static async Task<TestChannelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TestChannelServer(app);
        app.MapPost("/_connector/v3/conversations/{**rest}", server.HandleAsync);
        await app.StartAsync();
        server.ServiceUrl = new Uri(new Uri(app.Urls.First()), "/_connector");
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body);
        var rawTarget = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        Interlocked.Increment(ref _requestCount);
        var status = ScriptedStatuses.TryDequeue(out var scripted) ? scripted : ResponseStatus;
        http.Response.StatusCode = status;
        if (status >= 300)
        {
            return;
        }

        ReceivedCount++;
        _received.Writer.TryWrite(new ReceivedActivity(rawTarget, body!.AsObject(), http.Request.Headers.Authorization.ToString()));
        await http.Response.WriteAsJsonAsync(new { id = Interlocked.Increment(ref _nextId).ToString() });
    }

    /// <summary>The next activity the bot posted; fails the test if none comes.</summary>
    public async Task<ReceivedActivity> NextAsync(TimeSpan? within = null)
    {
        using var cts = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        try
        {
            return await _received.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("The bot posted nothing to the channel server.");
        }
    }

    /// <summary>The next posted activity that is not a typing indicator.</summary>
    public async Task<ReceivedActivity> NextMessageAsync()
    {
        while (true)
        {
            var next = await NextAsync();
            if (next.Type != "typing")
            {
                return next;
            }
        }
    }

    public bool TryTake(out ReceivedActivity? activity) => _received.Reader.TryRead(out activity);

    /// <summary>
    /// Every non-typing activity received so far, in order of arrival. Call it once the bot has
    /// answered the POST: the bot sends a turn's replies before it answers the channel's request,
    /// so by then they are all here.
    /// </summary>
    public IReadOnlyList<ReceivedActivity> TakeMessages()
    {
        var messages = new List<ReceivedActivity>();
        while (_received.Reader.TryRead(out var next))
        {
            if (next.Type != "typing")
            {
                messages.Add(next);
            }
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedActivity(string RawPath, JsonObject Body, string Authorization)
{
    public string? Type => Body["type"]?.GetValue<string>();

    public string? Text => Body["text"]?.GetValue<string>();

    public string? FaqBotKind => Body["channelData"]?["faqBot"]?["kind"]?.GetValue<string>();

    public JsonObject? FaqBot => Body["channelData"]?["faqBot"] as JsonObject;
}
