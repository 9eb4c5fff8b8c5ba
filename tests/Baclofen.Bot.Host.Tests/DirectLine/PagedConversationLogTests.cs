using System.Text;
using System.Text.Json;
using Baclofen.Bot.Host.DirectLine;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>
/// The in-memory conversation log writes activities back to back into pooled pages: what is read
/// back must be exactly what was stored, across page boundaries, after trimming and after reuse.
/// </summary>
public sealed class PagedConversationLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static Activity Message(int i, int textLength) =>
        new() { Type = ActivityTypes.Message, Text = $"#{i} " + new string((char)('a' + (i % 26)), textLength) };

    private static string TextOf(byte[] json) => JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!.Text!;

    [Theory]
    [InlineData(10)] // many records per page
    [InlineData(300)] // records straddle page boundaries
    [InlineData(5000)] // one record spans several pages
    public void Every_activity_reads_back_exactly_as_stored(int textLength)
    {
        var pool = new PagePool(1024 * 1024, pageSize: 256);
        var conversation = new Conversation("c", "dl_u", capacity: 1000, Now, pages: pool);
        var expected = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var activity = Message(i, textLength + (i * 7));
            conversation.Append(activity, Now.AddSeconds(i));
            expected.Add(activity.Text!);
        }

        var (all, watermark) = conversation.ReadFrom(null);
        Assert.Equal(40, watermark);
        Assert.Equal(expected, all.Select(TextOf));

        var (tail, _) = conversation.ReadFrom(37);
        Assert.Equal(expected.Skip(37), tail.Select(TextOf));
        Assert.Empty(conversation.ReadFrom(40).Activities);
    }

    [Fact]
    public void Trimming_to_the_capacity_hands_whole_pages_back_and_keeps_the_newest_intact()
    {
        var pool = new PagePool(1024 * 1024, pageSize: 256);
        var conversation = new Conversation("c", "dl_u", capacity: 3, Now, pages: pool);
        for (var i = 0; i < 50; i++)
        {
            conversation.Append(Message(i, 200), Now.AddSeconds(i));
        }

        var (kept, watermark) = conversation.ReadFrom(0);
        Assert.Equal(50, watermark);
        Assert.Equal(["#47", "#48", "#49"], kept.Select(a => TextOf(a)[..3]));
        // Three records of ~0.4 KB need at most 7 pages of 256 bytes (one partly used at each end);
        // everything before them went back to the pool.
        Assert.InRange(conversation.Bytes, 3 * 256, (7 * 256) + (3 * Conversation.RecordOverheadBytes));
        Assert.True(pool.FreeCount > 0);
    }

    [Fact]
    public void A_forgotten_conversation_returns_its_pages_cleared_and_a_new_one_reuses_them()
    {
        var pool = new PagePool(1024 * 1024, pageSize: 256);
        var budget = new StoreBudget(1024 * 1024);
        var first = new Conversation("a", "dl_u", capacity: 100, Now, budget, pool);
        for (var i = 0; i < 10; i++)
        {
            first.Append(new Activity { Type = ActivityTypes.Message, Text = "my dose is 80 mg and I feel dizzy " + i }, Now.AddSeconds(i));
        }

        Assert.Equal(first.Bytes, budget.UsedBytes);
        first.Detach();
        Assert.Equal(0, budget.UsedBytes);
        var returned = pool.FreeCount;
        Assert.True(returned > 0);

        // The pages a patient's words were written into are zeroed before anyone else gets them.
        var reused = new List<byte[]>();
        for (var i = 0; i < returned; i++)
        {
            reused.Add(pool.Rent());
        }

        Assert.All(reused, page => Assert.All(page, b => Assert.Equal(0, b)));
        reused.ForEach(pool.Return);

        var second = new Conversation("b", "dl_u", capacity: 100, Now, budget, pool);
        second.Append(new Activity { Type = ActivityTypes.Message, Text = "hello" }, Now);
        Assert.Equal(returned - 1, pool.FreeCount);
        Assert.Equal("hello", TextOf(second.ReadFrom(null).Activities.Single()));
        Assert.DoesNotContain("dizzy", Encoding.UTF8.GetString(second.ReadFrom(null).Activities.Single()), StringComparison.Ordinal);
    }

    [Fact]
    public void After_being_forgotten_a_running_turn_can_still_append_but_nothing_is_kept()
    {
        var pool = new PagePool(1024 * 1024, pageSize: 256);
        var budget = new StoreBudget(1024 * 1024);
        var conversation = new Conversation("a", "dl_u", capacity: 100, Now, budget, pool);
        conversation.Append(Message(0, 10), Now);
        conversation.Detach();

        var id = conversation.Append(Message(1, 10), Now.AddSeconds(1));

        Assert.Equal(DirectLineIds.ActivityId("a", 1), id);
        Assert.Equal(0, budget.UsedBytes);
        Assert.Equal(0, conversation.Bytes);
        Assert.Empty(conversation.ReadFrom(null).Activities);
    }

    [Fact]
    public void The_pool_keeps_no_more_than_its_budget_for_reuse()
    {
        var pool = new PagePool(keepBytes: 4 * 256, pageSize: 256);
        var pages = Enumerable.Range(0, 10).Select(_ => pool.Rent()).ToList();
        pages.ForEach(pool.Return);
        Assert.Equal(4, pool.FreeCount);
        Assert.Throws<ArgumentException>(() => pool.Return(new byte[100]));
    }

    [Fact]
    public async Task Concurrent_appends_and_reads_never_see_a_torn_activity()
    {
        var pool = new PagePool(1024 * 1024, pageSize: 128);
        var conversation = new Conversation("c", "dl_u", capacity: 20, Now, pages: pool);
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                conversation.Append(Message((w * 1000) + i, 50 + (i % 300)), Now);
            }
        })).ToArray();
        var reader = Task.Run(() =>
        {
            while (!writers.All(t => t.IsCompleted))
            {
                foreach (var json in conversation.ReadFrom(null).Activities)
                {
                    var text = TextOf(json);
                    var body = text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                    Assert.True(body.All(c => c == body[0]), "an activity mixed the bytes of two others");
                }
            }
        });

        await Task.WhenAll([.. writers, reader]);
        Assert.Equal(2000, conversation.ReadFrom(null).Watermark);
        Assert.Equal(20, conversation.ReadFrom(null).Activities.Count);
    }
}
