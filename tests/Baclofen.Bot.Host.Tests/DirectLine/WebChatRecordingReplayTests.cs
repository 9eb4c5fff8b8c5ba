using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>
/// Replays the requests Web Chat 4.18 (directlinejs, polling) made in a recorded session
/// (fixtures/agents-playground/directline-protocol/requests.jsonl) and checks our answers have
/// the shapes and statuses Web Chat got from the recording's server.
/// </summary>
public sealed class WebChatRecordingReplayTests : IAsyncLifetime
{
    private static readonly string Recording = Path.Combine(AppContext.BaseDirectory, "fixtures", "agents-playground", "directline-protocol", "requests.jsonl");
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static List<JsonObject> Requests() =>
        [.. File.ReadAllLines(Recording).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(r => r["url"]!.GetValue<string>().StartsWith("/v3/directline/", StringComparison.Ordinal))];

    [Fact]
    public async Task Recorded_web_chat_requests_get_the_recorded_statuses_and_shapes()
    {
        var token = await _app.NewTokenAsync();
        var watermark = "";
        foreach (var recorded in Requests())
        {
            var method = new HttpMethod(recorded["method"]!.GetValue<string>());
            var url = recorded["url"]!.GetValue<string>();
            var expected = recorded["response"]!.AsObject();
            var path = url.Contains("/activities?watermark=", StringComparison.Ordinal)
                ? $"/v3/directline/conversations/{token.ConversationId}/activities?watermark={watermark}"
                : url.EndsWith("/activities", StringComparison.Ordinal) ? $"/v3/directline/conversations/{token.ConversationId}/activities" : url;
            var body = recorded["body"] is JsonObject b ? b.ToJsonString() : null;

            using var response = await _app.SendAsync(method, path, token.Token, body);
            Assert.Equal(expected["status"]!.GetValue<int>(), (int)response.StatusCode);
            using var actual = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var member in expected["body"]!.AsObject())
            {
                // Only streamUrl and referenceGrammarId are absent here: no WebSocket stream, no speech grammar.
                if (member.Key is "streamUrl" or "referenceGrammarId")
                {
                    Assert.False(actual.RootElement.TryGetProperty(member.Key, out _));
                    continue;
                }

                Assert.True(actual.RootElement.TryGetProperty(member.Key, out var value), $"{method} {url} answers {member.Key}");
                Assert.Equal(member.Value!.GetValueKind(), value.ValueKind);
            }

            if (actual.RootElement.TryGetProperty("watermark", out var next))
            {
                watermark = next.GetString()!;
            }
        }
    }

    [Fact]
    public async Task A_posted_web_chat_activity_comes_back_with_every_member_it_was_sent_with()
    {
        var token = await _app.StartConversationAsync();
        var posted = Requests().First(r => r["method"]!.GetValue<string>() == "POST" && r["url"]!.GetValue<string>().EndsWith("/activities", StringComparison.Ordinal));
        var sent = posted["body"]!.AsObject();

        using var response = await _app.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token, sent.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (activities, _) = await _app.PollAsync(token, "1");
        var echo = JsonNode.Parse(activities[0].GetRawText())!.AsObject();

        // The server owns identity and routing; everything else Web Chat sent survives untouched.
        string[] serverOwned = ["from", "channelId", "conversation", "recipient", "serviceUrl", "id", "timestamp", "localTimestamp"];
        foreach (var member in sent.Where(m => !serverOwned.Contains(m.Key)))
        {
            Assert.True(JsonNode.DeepEquals(member.Value, echo[member.Key]), $"{member.Key} survives the echo");
        }

        Assert.Equal(DateTimeOffset.Parse(sent["localTimestamp"]!.GetValue<string>()), DateTimeOffset.Parse(echo["localTimestamp"]!.GetValue<string>()));
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
    }
}
