using System.Text.Json;
using Baclofen.Bot.Host.DirectLine;
using Baclofen.Bot.Host.DirectLine.Redis;
using Baclofen.Bot.Host.Widget;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Redis;
using Baclofen.Bot.Redis.Tests;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>The Redis Direct Line store against a local redis-server: paged reads and the per-address cap, shared by instances.</summary>
public sealed class RedisConversationStoreTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly List<RedisConnection> _connections = [];
    private readonly string _run = Guid.NewGuid().ToString("N");

    private RedisConversationStore Store(WidgetOptions? options = null)
    {
        var connection = new RedisConnection(Options.Create(new RedisOptions { Redis = redis.ConnectionString, KeyPrefix = $"dltest:{_run}:" }));
        _connections.Add(connection);
        return new RedisConversationStore(connection, Options.Create(options ?? new WidgetOptions()));
    }

    private static string TextOf(byte[] json) => JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!.Text!;

    [RedisFact]
    public async Task Reads_are_paged_by_count_and_bytes_and_the_watermark_continues_after_the_last_activity()
    {
        var store = Store();
        var conversation = (await store.GetOrCreateAsync("c1", "dl_u", "203.0.113.9", CancellationToken.None)).Conversation!;
        for (var i = 0; i < 20; i++)
        {
            await conversation.AppendAsync(new Activity { Type = ActivityTypes.Message, Text = $"#{i:000} " + new string('x', i % 3 == 0 ? 5000 : 10) }, Now.AddSeconds(i), CancellationToken.None);
        }

        var seen = new List<string>();
        long? watermark = null;
        var limit = new ActivityPageLimit(4, 6000);
        while (true)
        {
            var (page, next) = await conversation.ReadFromAsync(watermark, limit, CancellationToken.None);
            if (page.Count == 0)
            {
                Assert.Equal(20, next);
                break;
            }

            Assert.InRange(page.Count, 1, 4);
            Assert.True(page.Count == 1 || page.Sum(a => a.Length) <= 6000, "a page of several activities stays within the byte limit");
            Assert.Equal((watermark ?? 0) + page.Count, next);
            seen.AddRange(page.Select(a => TextOf(a)[..4]));
            watermark = next;
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"#{i:000}"), seen);

        // Larger than the limit on its own: returned alone.
        var (single, after) = await conversation.ReadFromAsync(0, new ActivityPageLimit(10, 100), CancellationToken.None);
        Assert.Single(single);
        Assert.Equal(1, after);
    }

    [RedisFact]
    public async Task Reading_from_before_the_oldest_retained_activity_starts_at_it()
    {
        var store = Store(new WidgetOptions { MaxActivitiesPerConversation = 5 });
        var conversation = (await store.GetOrCreateAsync("c2", "dl_u", "203.0.113.9", CancellationToken.None)).Conversation!;
        for (var i = 0; i < 12; i++)
        {
            await conversation.AppendAsync(new Activity { Type = ActivityTypes.Message, Text = $"#{i:000}" }, Now.AddSeconds(i), CancellationToken.None);
        }

        var (page, next) = await conversation.ReadFromAsync(2, new ActivityPageLimit(3, long.MaxValue), CancellationToken.None);

        Assert.Equal(["#007", "#008", "#009"], page.Select(TextOf));
        Assert.Equal(10, next);
    }

    [RedisFact]
    public async Task One_address_starts_at_most_its_share_across_instances_and_a_known_conversation_is_still_found()
    {
        var options = new WidgetOptions { MaxConversationsPerClient = 3 };
        var instanceA = Store(options);
        var instanceB = Store(options);

        Assert.Equal(ConversationStartStatus.Created, (await instanceA.GetOrCreateAsync("a0", "dl_u", "203.0.113.9", CancellationToken.None)).Status);
        Assert.Equal(ConversationStartStatus.Created, (await instanceB.GetOrCreateAsync("a1", "dl_u", "203.0.113.9", CancellationToken.None)).Status);
        Assert.Equal(ConversationStartStatus.Created, (await instanceA.GetOrCreateAsync("a2", "dl_u", "203.0.113.9", CancellationToken.None)).Status);

        var refused = await instanceB.GetOrCreateAsync("a3", "dl_u", "203.0.113.9", CancellationToken.None);
        Assert.Equal(ConversationStartStatus.ClientFull, refused.Status);
        Assert.Null(await instanceA.FindAsync("a3", CancellationToken.None));
        Assert.Equal(ConversationStartStatus.Existing, (await instanceB.GetOrCreateAsync("a0", "dl_u", "203.0.113.9", CancellationToken.None)).Status);
        Assert.Equal(ConversationStartStatus.Created, (await instanceB.GetOrCreateAsync("b0", "dl_u", "198.51.100.7", CancellationToken.None)).Status);
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }
}
