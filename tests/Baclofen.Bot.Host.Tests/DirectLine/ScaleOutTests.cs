using System.Text.Json;
using Baclofen.Bot.Redis.Tests;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>
/// Two instances of the real host (two BotApp apps on two ports) sharing one local redis-server,
/// as behind a load balancer: a Direct Line conversation and its memory belong to neither.
/// </summary>
public sealed class ScaleOutTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [RedisFact]
    public async Task One_direct_line_conversation_is_served_by_both_instances_with_its_memory()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Redis"] = redis.ConnectionString,
            ["Storage:KeyPrefix"] = $"scaleout-{Guid.NewGuid():N}:",
            ["RateLimiting:Enabled"] = "false",
            // No Widget:TokenSigningKey: the instances agree on one through Redis.
            ["Widget:TokenSigningKey"] = "",
        };
        await using var a = await TestApp.StartRealAsync(settings);
        await using var b = await TestApp.StartRealAsync(settings);

        // Started on A, so the welcome is in the log A wrote.
        var token = await a.StartConversationAsync();

        // Posted to B with A's token; the reply is read on A.
        var first = await b.PostMessageAsync(token, "can I drink alcohol on baclofen", "client-1");
        var (seenOnA, watermark) = await a.PollAsync(token, null);
        Assert.Equal("alcohol-interaction", FaqIdOfReplyTo(seenOnA, first));
        Assert.Contains(seenOnA, x => Kind(x) == "smalltalk"); // the welcome from the start on A

        // A follow-up that only makes sense with the previous answer: posted to A, read on B.
        var second = await a.PostMessageAsync(token, "what about opioids?", "client-2");
        var (seenOnB, _) = await b.PollAsync(token, watermark);
        Assert.Equal("opioid-interaction", FaqIdOfReplyTo(seenOnB, second));
        Assert.DoesNotContain(seenOnB, x => x.GetProperty("id").GetString() == first);

        // One log, one sequence: every id and watermark is unique and in order, whichever instance wrote it.
        var (all, _) = await b.PollAsync(token, null);
        var sequence = all.Select(x => long.Parse(x.GetProperty("id").GetString()!.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, sequence.Count).Select(i => (long)i), sequence);
    }

    private static string? Kind(JsonElement activity) =>
        activity.TryGetProperty("channelData", out var data) && data.TryGetProperty("faqBot", out var bot) ? bot.GetProperty("kind").GetString() : null;

    private static string? FaqIdOfReplyTo(IEnumerable<JsonElement> activities, string replyToId)
    {
        var reply = Assert.Single(activities, x => x.GetProperty("type").GetString() == "message"
            && x.TryGetProperty("replyToId", out var r) && r.GetString() == replyToId
            && Kind(x) == "answer");
        return reply.GetProperty("channelData").GetProperty("faqBot").GetProperty("faqId").GetString();
    }
}
