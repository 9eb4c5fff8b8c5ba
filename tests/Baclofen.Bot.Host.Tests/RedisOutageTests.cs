using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;
using Baclofen.Bot.Redis;
using Baclofen.Bot.Redis.Tests;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// The real host with Storage:Redis on a local redis-server that the tests kill (SIGKILL, as a crash) and
/// start again on the same port, empty: /healthz says degraded meanwhile, every turn still answers (without
/// conversation memory), and once Redis is back the conversation memory lives in it again.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private const string Question = "can I drink alcohol on baclofen";
    private const string FollowUp = "is that dangerous?";
    private const string Emergency = "he stopped breathing";

    private static readonly string[] Questions =
    [
        "how long does baclofen take to work?",
        "what are the side effects of baclofen?",
        "can I stop taking baclofen suddenly?",
        Question,
    ];

    private readonly RedisServer _redis = new();
    private readonly string _prefix = $"outage-{Guid.NewGuid():N}:";
    private RunningBot? _bot;

    public async Task InitializeAsync()
    {
        if (RedisServer.Executable is null)
        {
            return;
        }

        await _redis.InitializeAsync();
        _bot = await RunningBot.StartAsync(
        [
            $"--Storage:Redis={_redis.ConnectionString}",
            $"--Storage:KeyPrefix={_prefix}",
            "--RateLimiting:Enabled=false",
        ]);
    }

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    private RunningBot Bot => _bot!;

    [RedisFact]
    public async Task Healthz_is_degraded_while_redis_is_down_and_ok_again_after_it_restarts()
    {
        var healthy = await HealthAsync();
        Assert.Equal("ok", healthy["status"]!.GetValue<string>());
        Assert.Null(healthy["redis"]);

        await _redis.KillAsync();
        var degraded = await HealthAsync();
        Assert.Equal("degraded", degraded["status"]!.GetValue<string>());
        Assert.Equal("unreachable", degraded["redis"]!.GetValue<string>());

        await _redis.RestartAsync();
        var again = await UntilAsync(HealthAsync, h => h["status"]!.GetValue<string>() == "ok", "/healthz ok after the restart");
        Assert.Null(again["redis"]);
    }

    [RedisFact]
    public async Task Turns_keep_answering_while_redis_is_killed_and_restarted_and_use_its_memory_again_after()
    {
        // How the follow-up reads without memory (a first turn), and that with Redis up it reads in context.
        var memoryless = Outcome(await SayAsync(FollowUp, NewConversation()));
        var before = NewConversation();
        await SayAsync(Question, before);
        var inContext = Outcome(await SayAsync(FollowUp, before));
        Assert.NotEqual(memoryless, inContext);

        // A bounded run of turns over a few conversations; Redis dies a quarter in and comes back later.
        string[] conversations = [NewConversation(), NewConversation(), NewConversation()];
        for (var turn = 0; turn < 48; turn++)
        {
            if (turn == 12)
            {
                await _redis.KillAsync();
            }

            if (turn == 36)
            {
                await _redis.RestartAsync();
            }

            var emergency = turn % 4 == 0;
            var replies = await SayAsync(emergency ? Emergency : Questions[turn % Questions.Length], conversations[turn % conversations.Length]);
            Assert.NotEmpty(replies);
            if (emergency)
            {
                Assert.Equal(ChannelMessages.EmergencyResponse, replies[0]["text"]!.GetValue<string>());
            }

            if (turn == 20)
            {
                // Down: a question and its follow-up answer, the follow-up as a first turn would.
                var during = NewConversation();
                await SayAsync(Question, during);
                Assert.Equal(memoryless, Outcome(await SayAsync(FollowUp, during)));
            }
        }

        // Back: once the connection is re-established, the follow-up reads in context again, from Redis.
        await UntilAsync(HealthAsync, h => h["status"]!.GetValue<string>() == "ok", "/healthz ok after the restart");
        var after = NewConversation();
        await SayAsync(Question, after);
        Assert.Equal(inContext, Outcome(await SayAsync(FollowUp, after)));
        using var redis = new RedisConnection(Options.Create(new RedisOptions { Redis = _redis.ConnectionString, KeyPrefix = _prefix }));
        Assert.True(await redis.RunAsync(db => db.KeyExistsAsync($"{_prefix}state:emulator/conversations/{after}")));

        // One warning for the whole outage, not one per turn, and one line when it ended.
        Assert.Equal(1, Count(Bot.Logs.All, "Redis is unreachable"));
        Assert.Equal(1, Count(Bot.Logs.All, "Redis answers again"));
    }

    [RedisFact]
    public async Task Direct_line_answers_503_while_its_redis_store_is_down_and_serves_new_conversations_after()
    {
        await using var app = await DirectLine.TestApp.StartRealAsync(new Dictionary<string, string?>
        {
            ["Storage:Redis"] = _redis.ConnectionString,
            ["Storage:KeyPrefix"] = _prefix + "dl-",
            ["RateLimiting:Enabled"] = "false",
            ["Widget:TokenSigningKey"] = "test-signing-key-0123456789-abcdefghijklmnop",
        });
        var token = await app.StartConversationAsync();

        await _redis.KillAsync();
        var activities = $"/v3/directline/conversations/{token.ConversationId}/activities";
        using var post = await app.SendAsync(HttpMethod.Post, activities, token.Token, """{"type":"message","text":"can I drink alcohol on baclofen","from":{"id":"x"}}""");
        using var poll = await app.SendAsync(HttpMethod.Get, activities + "?watermark=", token.Token);
        foreach (var response in new[] { post, poll })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("StoreUnavailable", await response.Content.ReadAsStringAsync());
            Assert.NotNull(response.Headers.RetryAfter);
        }

        // The restarted Redis is empty (no persistence here), so the widget starts a new conversation, which works.
        await _redis.RestartAsync();
        await UntilAsync(
            async () =>
            {
                using var response = await app.Http.GetAsync("/healthz");
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>();
            },
            status => status == "ok",
            "/healthz ok after the restart");
        var fresh = await app.StartConversationAsync();
        var asked = await app.PostMessageAsync(fresh, "can I drink alcohol on baclofen", "client-after");
        var (seen, _) = await app.PollAsync(fresh, null);
        Assert.Contains(seen, a => a.TryGetProperty("replyToId", out var r) && r.GetString() == asked);
    }

    private static string NewConversation() => "outage-" + Guid.NewGuid().ToString("N");

    private Task<List<JsonNode>> SayAsync(string text, string conversationId) =>
        ConversationExperienceTests.SayAsync(Bot, text, conversationId);

    private static string Outcome(IEnumerable<JsonNode> replies) =>
        string.Join(" | ", replies.Select(a => $"{a["channelData"]?["faqBot"]?["kind"]} {a["channelData"]?["faqBot"]?["faqId"]}".Trim()));

    private async Task<JsonObject> HealthAsync()
    {
        using var response = await Bot.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    // Bounded wait for the client's background reconnect; the limit only stops a broken run.
    private static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }

    private static int Count(string text, string needle)
    {
        var count = 0;
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
