using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Baclofen.Bot.Host.Tests.Support;

/// <summary>
/// Drives a running Agents Playground the way its web UI does, with no browser: its local HTTP
/// API (<c>/_internal</c>, <c>/_debug</c>, <c>/_conversation</c>) to read the configuration,
/// install the bot and send user messages, and its conversation WebSocket to see what the bot
/// sent, frame by frame, sorted per conversation (a Teams channel thread is its own
/// conversation, <c>channelId;messageid=...</c>).
/// </summary>
internal sealed class PlaygroundSession : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly AgentsPlayground _playground;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Channel<JsonObject>> _frames = new(StringComparer.Ordinal);
    private Task _pump = Task.CompletedTask;

    private PlaygroundSession(AgentsPlayground playground)
    {
        _playground = playground;
        Http = new HttpClient { BaseAddress = playground.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    /// <summary><c>config</c> of GET /_internal/v1/config: bot, currentUser, personalChat, groupChats, teams.</summary>
    public JsonObject Config { get; private set; } = null!;

    public string BotId => Config["bot"]!["id"]!.GetValue<string>();

    public string BotName => Config["bot"]!["name"]!.GetValue<string>();

    public string UserId => Config["currentUser"]!["id"]!.GetValue<string>();

    public string PersonalChatId => Config["personalChat"]!["id"]!.GetValue<string>();

    public string GroupChatId => Config["groupChats"]![0]!["id"]!.GetValue<string>();

    public string TeamId => Config["teams"]![0]!["id"]!.GetValue<string>();

    /// <summary>The team's General channel, whose id is the team's (as in Teams).</summary>
    public string GeneralChannelId => Config["teams"]![0]!["channels"]![0]!["id"]!.GetValue<string>();

    public string Diagnostics => _playground.Diagnostics;

    public static async Task<PlaygroundSession> OpenAsync(AgentsPlayground playground)
    {
        var session = new PlaygroundSession(playground);
        try
        {
            await session._socket.ConnectAsync(
                new Uri($"ws://127.0.0.1:{playground.BaseAddress.Port}/_ws_conversation/v1/conversations/stream"), default);
            session._pump = session.PumpAsync();
            // The config call also waits until the Playground can reach the bot.
            session.Config = (await session.Http.GetFromJsonAsync<JsonObject>("/_internal/v1/config"))!["config"]!.AsObject();
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>POST /_debug/conversation/{id}/installation: the bot is installed there (installationUpdate + conversationUpdate).</summary>
    public async Task InstallAsync(string conversationId)
    {
        using var response = await Http.PostAsJsonAsync($"/_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"install in {conversationId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// POST /_conversation/v1/conversations/{id}/messages as the current user. With
    /// <paramref name="mentionBot"/> the text starts with the bot's <c>&lt;at&gt;</c> markup and
    /// the request carries the mention, which the Playground turns into a mention entity.
    /// Returns the conversation the bot will answer in: for a channel, the new thread.
    /// </summary>
    public async Task<string> SendAsync(string conversationId, string text, bool mentionBot = false)
    {
        var markup = $"<at>{BotName}</at>";
        var body = new JsonObject
        {
            ["text"] = mentionBot ? $"{markup} {text}" : text,
            ["textFormat"] = "plain",
            ["from"] = new JsonObject { ["id"] = UserId },
        };
        if (mentionBot)
        {
            body["mentions"] = new JsonArray(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = BotId },
                ["text"] = markup,
            });
        }

        using var response = await Http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"send to {conversationId}: {(int)response.StatusCode} {answer}");
        // A channel post starts a thread; the Playground says which.
        return JsonNode.Parse(answer)?["postConversationId"]?.GetValue<string>() ?? conversationId;
    }

    /// <summary>
    /// The text of the next bot message with text in this conversation. The Playground shows an
    /// activity with text and attachments as two frames (text, then the cards); card-only frames
    /// are skipped here.
    /// </summary>
    public async Task<string> NextBotTextAsync(string conversationId) =>
        (await NextBotMessageAsync(conversationId))["text"]!.GetValue<string>();

    /// <summary>The next bot message with text in this conversation, as the Playground shows it.</summary>
    public async Task<JsonObject> NextBotMessageAsync(string conversationId)
    {
        var frames = FramesOf(conversationId).Reader;
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        try
        {
            while (true)
            {
                var message = await frames.ReadAsync(timeout.Token);
                if (message["from"]?["id"]?.GetValue<string>() == BotId
                    && message["text"]?.GetValue<string>() is { Length: > 0 })
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No bot message with text reached the Playground's WebSocket in {conversationId}.\n{Diagnostics}");
        }
    }

    private Channel<JsonObject> FramesOf(string conversationId) =>
        _frames.GetOrAdd(conversationId, _ => Channel.CreateUnbounded<JsonObject>());

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.ToArray());
                message.SetLength(0);
                if (JsonNode.Parse(text) is JsonObject frame
                    && frame["action"]?.GetValue<string>() == "createMessage"
                    && frame["actionConversationId"]?.GetValue<string>() is { } conversationId
                    && frame["message"] is JsonObject created)
                {
                    FramesOf(conversationId).Writer.TryWrite(created);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The test is over, or the Playground went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _socket.Dispose();
        Http.Dispose();
        _stop.Dispose();
    }
}
