using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Pipeline;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Baclofen.Bot.Host.Tests.Support;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// The bot against Microsoft's own Agents Playground on the emulator channel, driven through
/// the Playground's local HTTP API and WebSocket the way its web UI drives it, with no browser.
/// </summary>
public sealed class PlaygroundEndToEndTests
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Playground_user_gets_the_welcome_on_install_and_a_reply_to_a_message()
    {
        await using var bot = await RunningBot.StartAsync();
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint, "emulator");
        using var http = new HttpClient { BaseAddress = playground.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{playground.BaseAddress.Port}/_ws_conversation/v1/conversations/stream"), default);
        var frames = Channel.CreateUnbounded<JsonObject>();
        using var stop = new CancellationTokenSource();
        var pump = PumpAsync(socket, frames.Writer, stop.Token);

        try
        {
            // The config call also waits until the Playground can reach the bot.
            var config = (await http.GetFromJsonAsync<JsonObject>("/_internal/v1/config"))!["config"]!;
            var conversationId = config["personalChat"]!["id"]!.GetValue<string>();
            var userId = config["currentUser"]!["id"]!.GetValue<string>();
            var botId = config["bot"]!["id"]!.GetValue<string>();

            using (var install = await http.PostAsJsonAsync($"/_debug/conversation/{conversationId}/installation", new { }))
            {
                Assert.Equal(HttpStatusCode.OK, install.StatusCode);
            }

            var welcome = await NextBotMessageAsync(frames.Reader, conversationId, playground);
            Assert.Equal(BotTexts.Welcome, welcome["text"]!.GetValue<string>());
            Assert.Equal(botId, welcome["from"]!["id"]!.GetValue<string>());
            Assert.Equal("markdown", welcome["textFormat"]!.GetValue<string>());

            const string question = "does baclofen work immediately?";
            using (var sent = await http.PostAsJsonAsync(
                       $"/_conversation/v1/conversations/{conversationId}/messages",
                       new { text = question, textFormat = "plain", from = new { id = userId } }))
            {
                Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            }

            var reply = await NextBotMessageAsync(frames.Reader, conversationId, playground);
            // The Playground's WebSocket frames drop channelData, so the answer is recognised by its
            // exact text: the onset entry, its source line and its disclaimer, composed as served.
            var catalog = FaqLoader.Load(Path.Combine(AppContext.BaseDirectory, "faq"));
            Assert.Equal(new AnswerComposer(catalog, showSources: true).Compose(catalog["onset"]), reply["text"]!.GetValue<string>());
            Assert.DoesNotContain(question, bot.Logs.All);
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    /// <summary>The next createMessage frame from the bot in this conversation, skipping anything else.</summary>
    private static async Task<JsonObject> NextBotMessageAsync(ChannelReader<JsonObject> frames, string conversationId, AgentsPlayground playground)
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        try
        {
            while (true)
            {
                var frame = await frames.ReadAsync(timeout.Token);
                if (frame["action"]?.GetValue<string>() == "createMessage"
                    && frame["actionConversationId"]?.GetValue<string>() == conversationId
                    && frame["message"] is JsonObject message
                    && !string.IsNullOrEmpty(message["text"]?.GetValue<string>()))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No bot message reached the Playground's WebSocket.\n{playground.Diagnostics}");
        }
    }

    private static async Task PumpAsync(ClientWebSocket socket, ChannelWriter<JsonObject> frames, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
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
                if (JsonNode.Parse(text) is JsonObject frame)
                {
                    frames.TryWrite(frame);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The test is over, or the Playground went away.
        }
        finally
        {
            frames.TryComplete();
        }
    }
}
