using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.State;

namespace Baclofen.Bot.Protocol.Tests.State;

public sealed class ConversationStateTests
{
    public sealed class Notes
    {
        public string? Topic { get; set; }
        public List<string> Offered { get; set; } = [];
    }

    private static TurnContext Turn(string channel, string conversation) =>
        new(new Activity { Type = ActivityTypes.Message, ChannelId = channel, Conversation = new ConversationAccount { Id = conversation } },
            (activities, _) => Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray()));

    [Fact]
    public async Task Key_is_channel_and_conversation_so_two_channels_never_share_state()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState<Notes>(storage);

        await state.SaveAsync(Turn("emulator", "c1"), new Notes { Topic = "onset" }, null);
        var sameConversation = await state.LoadAsync(Turn("emulator", "c1"));
        var otherChannel = await state.LoadAsync(Turn("msteams", "c1"));

        Assert.Equal("onset", sameConversation.Value.Topic);
        Assert.Null(otherChannel.Value.Topic);
        Assert.Equal("emulator/conversations/c1", ConversationState<Notes>.KeyOf(Turn("emulator", "c1")));
    }

    [Fact]
    public async Task State_is_stored_as_json()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState<Notes>(storage);

        await state.SaveAsync(Turn("emulator", "c1"), new Notes { Topic = "onset", Offered = ["a", "b"] }, null);

        var json = (await storage.ReadAsync(["emulator/conversations/c1"]))["emulator/conversations/c1"].Json;
        Assert.Equal("""{"topic":"onset","offered":["a","b"]}""", json);
    }

    [Fact]
    public async Task Saving_against_a_stale_read_is_a_conflict()
    {
        var state = new ConversationState<Notes>(new MemoryStorage());
        var turn = Turn("emulator", "c1");
        await state.SaveAsync(turn, new Notes { Topic = "first" }, null);
        var a = await state.LoadAsync(turn);
        var b = await state.LoadAsync(turn);

        await state.SaveAsync(turn, new Notes { Topic = "from a" }, a.ETag);

        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveAsync(turn, new Notes { Topic = "from b" }, b.ETag));
        Assert.Equal("from a", (await state.LoadAsync(turn)).Value.Topic);
    }

    [Fact]
    public async Task Unreadable_stored_state_starts_afresh_instead_of_failing_the_turn()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["emulator/conversations/c1"] = new("""{"topic": 42}""") });

        var loaded = await new ConversationState<Notes>(storage).LoadAsync(Turn("emulator", "c1"));

        Assert.Null(loaded.Value.Topic);
    }

    [Fact]
    public async Task Activity_without_a_conversation_has_no_state_and_saving_it_is_harmless()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState<Notes>(storage);
        var turn = new TurnContext(new Activity { Type = ActivityTypes.Message, ChannelId = "emulator" },
            (activities, _) => Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray()));

        await state.SaveAsync(turn, new Notes { Topic = "x" }, null);

        Assert.Null((await state.LoadAsync(turn)).Value.Topic);
        Assert.Equal(0, storage.Count);
    }

    public sealed record Frozen
    {
        public Frozen()
        {
        }

        public Frozen(string topic) => Topic = topic;

        public string? Topic { get; init; }
    }

    [Fact]
    public async Task Immutable_state_in_memory_comes_back_as_the_saved_object_and_is_still_stored_as_json()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState<Frozen>(storage, immutable: true);
        var saved = new Frozen("onset");

        await state.SaveAsync(Turn("emulator", "c1"), saved, null);
        var loaded = await state.LoadAsync(Turn("emulator", "c1"));

        Assert.Same(saved, loaded.Value);
        Assert.Equal("""{"topic":"onset"}""", (await storage.ReadAsync(["emulator/conversations/c1"]))["emulator/conversations/c1"].Json);
        Assert.Equal("onset", (await new ConversationState<Frozen>(storage).LoadAsync(Turn("emulator", "c1"))).Value.Topic);
    }

    [Fact]
    public async Task Immutable_state_reads_json_written_by_others_and_keeps_conflict_checks()
    {
        var storage = new MemoryStorage();
        await new ConversationState<Frozen>(storage).SaveAsync(Turn("emulator", "c1"), new Frozen("from json"), null);
        var state = new ConversationState<Frozen>(storage, immutable: true);

        var a = await state.LoadAsync(Turn("emulator", "c1"));
        var b = await state.LoadAsync(Turn("emulator", "c1"));
        await state.SaveAsync(Turn("emulator", "c1"), new Frozen("from a"), a.ETag);

        Assert.Equal("from json", a.Value.Topic);
        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveAsync(Turn("emulator", "c1"), new Frozen("from b"), b.ETag));
        Assert.Equal("from a", (await state.LoadAsync(Turn("emulator", "c1"))).Value.Topic);
    }
}
