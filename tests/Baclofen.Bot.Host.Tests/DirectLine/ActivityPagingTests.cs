using System.Globalization;
using System.Text.Json;
using Baclofen.Bot.Host.DirectLine;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>
/// A GET of a conversation's activities returns one page at a time, as Azure Direct Line does: at
/// most N activities or about the byte limit, at least one, and a watermark that continues there.
/// </summary>
public sealed class ActivityPagingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static string TextOf(byte[] json) => JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options)!.Text!;

    private static Conversation WithMessages(int count, int textLength)
    {
        var conversation = new Conversation("c", "dl_u", capacity: 1000, Now);
        for (var i = 0; i < count; i++)
        {
            conversation.Append(new Activity { Type = ActivityTypes.Message, Text = $"#{i:000} " + new string('x', textLength) }, Now.AddSeconds(i));
        }

        return conversation;
    }

    /// <summary>Polls from <paramref name="watermark"/> the way directlinejs does, until a page comes back empty.</summary>
    private static List<(int Count, long Bytes)> ReadAll(Conversation conversation, long? watermark, ActivityPageLimit limit, List<string> seen)
    {
        var pages = new List<(int, long)>();
        while (true)
        {
            var (page, next) = conversation.ReadFrom(watermark, limit);
            if (page.Count == 0)
            {
                Assert.Equal(watermark ?? 0, next);
                return pages;
            }

            seen.AddRange(page.Select(TextOf));
            pages.Add((page.Count, page.Sum(a => (long)a.Length)));
            Assert.True(next > (watermark ?? 0), "the watermark moves on");
            watermark = next;
        }
    }

    [Fact]
    public void At_most_N_activities_a_page_and_the_watermark_continues_after_the_last()
    {
        var conversation = WithMessages(25, 10);
        var seen = new List<string>();

        var pages = ReadAll(conversation, null, new ActivityPageLimit(10, long.MaxValue), seen);

        Assert.Equal([10, 10, 5], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"#{i:000}"), seen.Select(t => t[..4]));
        var (first, watermark) = conversation.ReadFrom(3, new ActivityPageLimit(2, long.MaxValue));
        Assert.Equal(["#003", "#004"], first.Select(a => TextOf(a)[..4]));
        Assert.Equal(5, watermark);
    }

    [Fact]
    public void A_page_stops_before_the_byte_limit_but_always_holds_one_activity()
    {
        var conversation = WithMessages(12, 3000);
        var seen = new List<string>();

        var pages = ReadAll(conversation, 0, new ActivityPageLimit(100, 10_000), seen);

        Assert.All(pages, p => Assert.InRange(p.Bytes, 1, 10_000));
        Assert.Equal(12, seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);

        // Larger than the whole limit: still returned, alone, or no reader could ever get past it.
        var (one, next) = conversation.ReadFrom(0, new ActivityPageLimit(100, 100));
        Assert.Single(one);
        Assert.Equal(1, next);
    }

    [Fact]
    public void Reading_from_before_the_oldest_retained_activity_starts_at_it()
    {
        var conversation = new Conversation("c", "dl_u", capacity: 5, Now);
        for (var i = 0; i < 12; i++)
        {
            conversation.Append(new Activity { Type = ActivityTypes.Message, Text = $"#{i:000}" }, Now.AddSeconds(i));
        }

        var (page, next) = conversation.ReadFrom(2, new ActivityPageLimit(3, long.MaxValue));

        Assert.Equal(["#007", "#008", "#009"], page.Select(TextOf));
        Assert.Equal(10, next);
        Assert.Equal(12, conversation.ReadFrom(next, new ActivityPageLimit(3, long.MaxValue)).Watermark);
    }

    [Fact]
    public async Task Over_http_a_client_polling_with_the_watermark_gets_every_activity_in_order_in_bounded_pages()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Widget:MaxActivitiesPerGet"] = "4",
            ["Widget:MaxBytesPerGet"] = "20000",
        });
        var token = await app.StartConversationAsync();
        var posted = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            // ~9 KB each: the byte limit, not the count, ends most pages.
            posted.Add(await app.PostMessageAsync(token, $"question {i} " + new string('q', 9000), "client-" + i));
        }

        var ids = new List<string>();
        string? watermark = null;
        var polls = 0;
        while (true)
        {
            using var response = await app.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities?watermark={watermark}", token.Token);
            var body = await response.Content.ReadAsByteArrayAsync();
            using var set = JsonDocument.Parse(body);
            var page = set.RootElement.GetProperty("activities").EnumerateArray().ToList();
            watermark = set.RootElement.GetProperty("watermark").GetString();
            if (page.Count == 0)
            {
                break;
            }

            polls++;
            Assert.InRange(page.Count, 1, 4);
            Assert.True(page.Count == 1 || body.Length < 20_000 + 1_000, $"a page of {page.Count} activities was {body.Length} bytes");
            ids.AddRange(page.Select(a => a.GetProperty("id").GetString()!));
        }

        // welcome + 8 x (echo, typing, reply) = 25 activities, each once, in sequence order.
        Assert.Equal(Enumerable.Range(0, 25).Select(i => DirectLineIds.ActivityId(token.ConversationId, i)), ids);
        Assert.Equal("25", watermark);
        Assert.True(polls >= 7, $"{polls} polls");
        Assert.All(posted, id => Assert.Contains(id, ids));
    }

    [Fact]
    public async Task Over_http_the_defaults_page_a_full_transcript_of_large_activities()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:MaxActivitiesPerConversation"] = "1000" });
        var token = await app.StartConversationAsync();
        for (var i = 0; i < 12; i++)
        {
            await app.PostMessageAsync(token, new string('w', 30_000), "c" + i);
        }

        using var response = await app.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token);
        var body = await response.Content.ReadAsByteArrayAsync();
        using var set = JsonDocument.Parse(body);

        Assert.InRange(body.Length, 1, (256 * 1024) + 4096);
        var watermark = long.Parse(set.RootElement.GetProperty("watermark").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(set.RootElement.GetProperty("activities").GetArrayLength(), watermark);
        Assert.True(watermark < 37, "the transcript of 37 activities did not fit in one page");
    }
}
