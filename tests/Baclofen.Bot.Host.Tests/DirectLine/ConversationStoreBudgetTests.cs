using Baclofen.Bot.Host.DirectLine;
using Baclofen.Bot.Host.Widget;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>The in-memory Direct Line store never holds more than Widget:MaxStoredMegabytes, however many conversations run.</summary>
public sealed class ConversationStoreBudgetTests
{
    [Fact]
    public void Past_the_byte_budget_the_least_recently_active_conversations_are_forgotten()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new ConversationStore(Options.Create(new WidgetOptions { MaxStoredMegabytes = 1, MaxConversations = 100_000 }), clock);
        var answer = new string('x', 4000);

        string first = "", last = "";
        for (var i = 0; i < 600; i++)
        {
            var id = "c" + i;
            first = i == 0 ? id : first;
            last = id;
            var (conversation, _) = store.GetOrCreate(id, "dl_user").GetValueOrDefault();
            conversation.Append(new Activity { Type = ActivityTypes.Message, Text = answer }, clock.GetUtcNow());
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.InRange(store.StoredBytes, 1, (1024 * 1024) + 8_000); // at most one activity over before the next request trims
        Assert.Null(store.Find(first));
        Assert.NotNull(store.Find(last));
        Assert.True(store.Count < 600);
    }

    [Fact]
    public void Forgotten_conversations_give_their_bytes_back()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new ConversationStore(Options.Create(new WidgetOptions { ConversationIdleMinutes = 1 }), clock);
        var (conversation, _) = store.GetOrCreate("c", "dl_user").GetValueOrDefault();
        conversation.Append(new Activity { Type = ActivityTypes.Message, Text = "hello" }, clock.GetUtcNow());
        Assert.True(store.StoredBytes > 0);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, store.SweepExpired());

        Assert.Equal(0, store.StoredBytes);
    }
}
