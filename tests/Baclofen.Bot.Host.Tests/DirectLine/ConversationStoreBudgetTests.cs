using Baclofen.Bot.Host.DirectLine;
using Baclofen.Bot.Host.Widget;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>
/// The in-memory Direct Line store never holds more than Widget:MaxStoredMegabytes, however many
/// conversations run, and a flood of conversations from one address never costs another patient theirs.
/// </summary>
public sealed class ConversationStoreBudgetTests
{
    private static Conversation Start(ConversationStore store, string id, string client = "")
    {
        var start = store.GetOrCreate(id, "dl_user", client);
        Assert.Equal(ConversationStartStatus.Created, start.Status);
        return (Conversation)start.Conversation!;
    }

    [Fact]
    public void Past_the_byte_budget_the_least_recently_active_conversations_are_forgotten()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new ConversationStore(Options.Create(new WidgetOptions { MaxStoredMegabytes = 1, MaxConversations = 100_000, MaxConversationsPerClient = 0 }), clock);
        var answer = new string('x', 4000);

        string first = "", last = "";
        for (var i = 0; i < 600; i++)
        {
            var id = "c" + i;
            first = i == 0 ? id : first;
            last = id;
            Start(store, id).Append(new Activity { Type = ActivityTypes.Message, Text = answer }, clock.GetUtcNow());
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
        Start(store, "c").Append(new Activity { Type = ActivityTypes.Message, Text = "hello" }, clock.GetUtcNow());
        Assert.True(store.StoredBytes > 0);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, store.SweepExpired());

        Assert.Equal(0, store.StoredBytes);
        Assert.Equal(0, store.CountFor(""));
    }

    [Fact]
    public void A_flood_from_one_address_forgets_its_own_conversations_not_a_patient_idle_for_three_seconds()
    {
        // The finding: with limits off, new conversations pushed a patient's out of the byte budget.
        // Per-address caps off here, so only the eviction order protects the patient.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new ConversationStore(Options.Create(new WidgetOptions { MaxStoredMegabytes = 1, MaxConversationsPerClient = 0 }), clock);
        var patient = Start(store, "patient", client: "198.51.100.7");
        patient.Append(new Activity { Type = ActivityTypes.Message, Text = "does baclofen make you sleepy" }, clock.GetUtcNow());
        patient.Append(new Activity { Type = ActivityTypes.Message, Text = "Drowsiness is common at first." }, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(3));

        for (var i = 0; i < 2000; i++)
        {
            Start(store, "flood" + i, client: "203.0.113.9").Append(new Activity { Type = ActivityTypes.Message, Text = "welcome" }, clock.GetUtcNow());
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(store.StoredBytes, 1, (1024 * 1024) + 8_000);
        Assert.True(store.CountFor("203.0.113.9") < 2000, "the flood lost some of its own conversations");
        var kept = store.Find("patient");
        Assert.NotNull(kept);
        Assert.Equal(2, kept.ReadFrom(null).Activities.Count);
    }

    [Fact]
    public void One_address_holds_at_most_its_share_of_live_conversations_and_gets_more_as_they_idle_out()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new ConversationStore(Options.Create(new WidgetOptions { MaxConversationsPerClient = 3, ConversationIdleMinutes = 10 }), clock);
        for (var i = 0; i < 3; i++)
        {
            Start(store, "a" + i, client: "203.0.113.9");
        }

        var refused = store.GetOrCreate("a3", "dl_user", "203.0.113.9");
        Assert.Equal(ConversationStartStatus.ClientFull, refused.Status);
        Assert.Null(refused.Conversation);
        Assert.Null(store.Find("a3"));

        // Another address is not affected, and a known conversation is found whatever the share.
        Start(store, "b0", client: "198.51.100.7");
        Assert.Equal(ConversationStartStatus.Existing, store.GetOrCreate("a0", "dl_user", "203.0.113.9").Status);

        clock.Advance(TimeSpan.FromMinutes(11));
        Start(store, "a4", client: "203.0.113.9");
        Assert.Equal(1, store.CountFor("203.0.113.9"));
    }

    [Fact]
    public void At_MaxConversations_live_conversations_are_kept_and_new_ones_refused()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new ConversationStore(Options.Create(new WidgetOptions { MaxConversations = 5, MaxConversationsPerClient = 0 }), clock);
        for (var i = 0; i < 5; i++)
        {
            Start(store, "c" + i, client: "10.0.0." + i);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(ConversationStartStatus.StoreFull, store.GetOrCreate("new", "dl_user", "10.0.0.9").Status);
        Assert.All(Enumerable.Range(0, 5), i => Assert.NotNull(store.Find("c" + i)));
    }
}
