using Baclofen.Bot.Protocol.State;
using Baclofen.Bot.Protocol.Tests.Support;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Tests.State;

public sealed class MemoryStorageTests
{
    private readonly FakeTimeProvider _time = new();

    private MemoryStorage Create(int idleMinutes = 60, int maxItems = 100) =>
        new(Options.Create(new MemoryStorageOptions { IdleMinutes = idleMinutes, MaxItems = maxItems }), _time);

    private static Dictionary<string, StoreItem> One(string key, string json, string? eTag = null) => new() { [key] = new StoreItem(json, eTag) };

    [Fact]
    public async Task Written_item_is_read_back_with_an_eTag_and_missing_keys_are_absent()
    {
        var storage = Create();

        await storage.WriteAsync(One("a", """{"x":1}"""));
        var found = await storage.ReadAsync(["a", "missing"]);

        var item = Assert.Single(found).Value;
        Assert.Equal("""{"x":1}""", item.Json);
        Assert.False(string.IsNullOrEmpty(item.ETag));
    }

    [Fact]
    public async Task Write_with_the_current_eTag_succeeds_and_changes_the_eTag()
    {
        var storage = Create();
        await storage.WriteAsync(One("a", "1"));
        var first = (await storage.ReadAsync(["a"]))["a"];

        await storage.WriteAsync(One("a", "2", first.ETag));
        var second = (await storage.ReadAsync(["a"]))["a"];

        Assert.Equal("2", second.Json);
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public async Task Write_with_a_stale_eTag_fails_and_leaves_the_stored_item_unchanged()
    {
        var storage = Create();
        await storage.WriteAsync(One("a", "1"));
        var stale = (await storage.ReadAsync(["a"]))["a"].ETag;
        await storage.WriteAsync(One("a", "2", stale));

        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(One("a", "3", stale)));

        Assert.Equal("a", conflict.Key);
        Assert.Equal("2", (await storage.ReadAsync(["a"]))["a"].Json);
    }

    [Fact]
    public async Task Conflict_on_one_key_writes_none_of_the_batch()
    {
        var storage = Create();
        await storage.WriteAsync(One("a", "1"));

        var batch = new Dictionary<string, StoreItem> { ["b"] = new("new"), ["a"] = new("2", "not-the-etag") };
        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(batch));

        Assert.Empty(await storage.ReadAsync(["b"]));
    }

    [Fact]
    public async Task Star_eTag_overwrites_whatever_is_stored()
    {
        var storage = Create();
        await storage.WriteAsync(One("a", "1"));
        await storage.WriteAsync(One("a", "2"));

        await storage.WriteAsync(One("a", "3", IStorage.AnyETag));

        Assert.Equal("3", (await storage.ReadAsync(["a"]))["a"].Json);
    }

    [Fact]
    public async Task Deleted_item_is_gone()
    {
        var storage = Create();
        await storage.WriteAsync(One("a", "1"));

        await storage.DeleteAsync(["a", "never-there"]);

        Assert.Empty(await storage.ReadAsync(["a"]));
    }

    [Fact]
    public async Task Item_idle_for_the_configured_time_expires()
    {
        var storage = Create(idleMinutes: 30);
        await storage.WriteAsync(One("a", "1"));

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Single(await storage.ReadAsync(["a"]));

        // The read above counts as use: the idle time starts again from it.
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Single(await storage.ReadAsync(["a"]));

        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Empty(await storage.ReadAsync(["a"]));
        Assert.Equal(0, storage.Count);
    }

    [Fact]
    public async Task Expired_item_can_be_rewritten_with_its_old_eTag_as_a_new_item()
    {
        var storage = Create(idleMinutes: 1);
        await storage.WriteAsync(One("a", "1"));
        var old = (await storage.ReadAsync(["a"]))["a"].ETag;
        await storage.WriteAsync(One("a", "2"));
        _time.Advance(TimeSpan.FromMinutes(2));

        await storage.WriteAsync(One("a", "3", old));

        Assert.Equal("3", (await storage.ReadAsync(["a"]))["a"].Json);
    }

    [Fact]
    public async Task Store_never_holds_more_than_its_bound_and_drops_the_least_recently_used()
    {
        var storage = Create(maxItems: 10);
        for (var i = 0; i < 10; i++)
        {
            await storage.WriteAsync(One($"k{i}", "1"));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // k0 is used again, so k1 is now the least recently used.
        await storage.ReadAsync(["k0"]);
        _time.Advance(TimeSpan.FromSeconds(1));
        await storage.WriteAsync(One("k10", "1"));

        Assert.True(storage.Count <= 10);
        Assert.Single(await storage.ReadAsync(["k0"]));
        Assert.Single(await storage.ReadAsync(["k10"]));
        Assert.Empty(await storage.ReadAsync(["k1"]));
    }

    [Fact]
    public async Task Many_conversations_over_time_do_not_grow_the_store()
    {
        var storage = Create(idleMinutes: 5, maxItems: 50);
        for (var i = 0; i < 1000; i++)
        {
            await storage.WriteAsync(One($"conversation-{i}", "{}"));
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.True(storage.Count <= 50, $"held {storage.Count}");
    }

    [Fact]
    public async Task A_value_written_as_an_object_reads_back_as_itself_and_as_json_through_IStorage()
    {
        var storage = Create();
        var value = new object();
        var serialized = 0;

        storage.WriteValue("a", value, _ => { serialized++; return """{"x":1}"""; }, null);
        var stored = storage.ReadValue("a");

        Assert.Same(value, stored!.Value.Value);
        Assert.Equal(0, serialized);
        var item = (await storage.ReadAsync(["a"]))["a"];
        Assert.Equal("""{"x":1}""", item.Json);
        Assert.Equal(stored.Value.ETag, item.ETag);
        Assert.Null(storage.ReadValue("missing"));
    }

    [Fact]
    public async Task Writing_a_value_against_a_stale_eTag_is_a_conflict_and_json_writes_read_as_json()
    {
        var storage = Create();
        await storage.WriteAsync(One("a", "1"));
        var read = storage.ReadValue("a")!.Value;
        Assert.Null(read.Value);
        Assert.Equal("1", read.Json);

        storage.WriteValue("a", "first", _ => "\"first\"", read.ETag);

        Assert.Throws<StorageConflictException>(() => storage.WriteValue("a", "second", _ => "\"second\"", read.ETag));
        Assert.Equal("first", storage.ReadValue("a")!.Value.Value);
    }

    [Fact]
    public void A_value_expires_like_json()
    {
        var storage = Create(idleMinutes: 5);
        storage.WriteValue("a", "v", _ => "\"v\"", null);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(storage.ReadValue("a"));
        Assert.Equal(0, storage.Count);
    }
}
