using Baclofen.Bot.Protocol.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Baclofen.Bot.Redis.Tests;

public sealed class RedisStorageTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly List<RedisConnection> _connections = [];
    private readonly string _run = Guid.NewGuid().ToString("N");

    [RedisFact]
    public async Task A_written_item_reads_back_with_an_etag()
    {
        var storage = Storage();
        await storage.WriteAsync(One("a", """{"n":1}"""));

        var item = (await storage.ReadAsync(["a", "missing"]))["a"];
        Assert.Equal("""{"n":1}""", item.Json);
        Assert.False(string.IsNullOrEmpty(item.ETag));
        Assert.False((await storage.ReadAsync(["missing"])).ContainsKey("missing"));
    }

    [RedisFact]
    public async Task A_write_with_the_current_etag_succeeds_and_changes_the_etag()
    {
        var storage = Storage();
        await storage.WriteAsync(One("b", "1"));
        var first = (await storage.ReadAsync(["b"]))["b"];

        await storage.WriteAsync(One("b", "2", first.ETag));

        var second = (await storage.ReadAsync(["b"]))["b"];
        Assert.Equal("2", second.Json);
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [RedisFact]
    public async Task A_write_with_a_stale_etag_conflicts_and_changes_nothing()
    {
        // Two instances of the bot, one Redis: the slower turn must not overwrite the faster one.
        var instanceA = Storage();
        var instanceB = Storage();
        await instanceA.WriteAsync(One("c", "original"));
        var readByA = (await instanceA.ReadAsync(["c"]))["c"];
        var readByB = (await instanceB.ReadAsync(["c"]))["c"];

        await instanceB.WriteAsync(One("c", "from B", readByB.ETag));
        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() => instanceA.WriteAsync(One("c", "from A", readByA.ETag)));

        Assert.Equal("c", conflict.Key);
        Assert.Equal("from B", (await instanceA.ReadAsync(["c"]))["c"].Json);
    }

    [RedisFact]
    public async Task A_conflict_on_one_key_writes_none_of_them()
    {
        var storage = Storage();
        await storage.WriteAsync(One("d1", "old1"));
        await storage.WriteAsync(One("d2", "old2"));

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["d1"] = new("new1", IStorage.AnyETag),
            ["d2"] = new("new2", "not-the-etag"),
        }));

        var now = await storage.ReadAsync(["d1", "d2"]);
        Assert.Equal("old1", now["d1"].Json);
        Assert.Equal("old2", now["d2"].Json);
    }

    [RedisFact]
    public async Task A_new_key_or_an_any_etag_write_always_succeeds()
    {
        var storage = Storage();
        await storage.WriteAsync(One("e", "first", "an-etag-from-nowhere"));
        await storage.WriteAsync(One("e", "second", IStorage.AnyETag));
        await storage.WriteAsync(One("e", "third", null));

        Assert.Equal("third", (await storage.ReadAsync(["e"]))["e"].Json);
    }

    [RedisFact]
    public async Task Deleted_items_are_gone()
    {
        var storage = Storage();
        await storage.WriteAsync(One("f", "x"));
        await storage.DeleteAsync(["f"]);
        Assert.Empty(await storage.ReadAsync(["f"]));
    }

    [RedisFact]
    public async Task Items_expire_after_the_idle_time_and_each_read_restarts_it()
    {
        var storage = Storage(TimeSpan.FromMilliseconds(1500));
        await storage.WriteAsync(One("g", "kept while used"));

        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(700);
            Assert.True((await storage.ReadAsync(["g"])).ContainsKey("g"), "a read within the idle time keeps the item");
        }

        await Task.Delay(2500);
        Assert.Empty(await storage.ReadAsync(["g"]));
    }

    [RedisFact]
    public async Task The_ttl_is_the_in_memory_stores_idle_time()
    {
        var connection = Connection();
        var storage = new RedisStorage(connection, Options.Create(new MemoryStorageOptions { IdleMinutes = 45 }));
        await storage.WriteAsync(One("h", "x"));

        var ttl = await connection.Database.KeyTimeToLiveAsync(connection.KeyPrefix + "state:h");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(44), TimeSpan.FromMinutes(45));
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }

    private RedisStorage Storage(TimeSpan? idle = null) => new(Connection(), idle ?? TimeSpan.FromMinutes(5));

    // A prefix per test (xunit makes a new instance per test): tests share one server, not keys.
    private RedisConnection Connection()
    {
        var connection = new RedisConnection(Options.Create(new RedisOptions { Redis = redis.ConnectionString, KeyPrefix = $"test:{_run}:" }));
        _connections.Add(connection);
        return connection;
    }

    private static Dictionary<string, StoreItem> One(string key, string json, string? eTag = IStorage.AnyETag) => new() { [key] = new StoreItem(json, eTag) };
}
