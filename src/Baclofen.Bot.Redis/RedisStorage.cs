using System.Globalization;
using Baclofen.Bot.Protocol.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Baclofen.Bot.Redis;

/// <summary>
/// <see cref="IStorage"/> in Redis, shared by every instance of the bot. Each item is a hash
/// (<c>j</c>: the JSON, <c>e</c>: its eTag). Reads and writes are Lua scripts, so the eTag check
/// and the write happen in one step on the server and several keys change all or none. Every read
/// or write sets the key's TTL to <see cref="MemoryStorageOptions.IdleMinutes"/>: a conversation
/// idle that long is forgotten, exactly as the in-memory store forgets it. While Redis cannot be
/// reached, every call throws <see cref="StorageUnavailableException"/> at once.
/// </summary>
public sealed class RedisStorage : IStorage
{
    private const string ReadScript = """
        local out = {}
        for i, key in ipairs(KEYS) do
          local v = redis.call('HMGET', key, 'j', 'e')
          if v[1] then
            redis.call('PEXPIRE', key, ARGV[1])
            out[2 * i - 1] = v[1]
            out[2 * i] = v[2]
          else
            out[2 * i - 1] = ''
            out[2 * i] = ''
          end
        end
        return out
        """;

    // ARGV[1] is the TTL; key i has ARGV[3i-1] = JSON, ARGV[3i] = expected eTag ('*' = any), ARGV[3i+1] = new eTag.
    // Returns 0, or the 1-based index of the first key whose eTag did not match (nothing written then).
    private const string WriteScript = """
        for i, key in ipairs(KEYS) do
          local expected = ARGV[3 * i]
          if expected ~= '*' then
            local current = redis.call('HGET', key, 'e')
            if current and current ~= expected then
              return i
            end
          end
        end
        for i, key in ipairs(KEYS) do
          redis.call('HMSET', key, 'j', ARGV[3 * i - 1], 'e', ARGV[3 * i + 1])
          redis.call('PEXPIRE', key, ARGV[1])
        end
        return 0
        """;

    private readonly RedisConnection _connection;
    private readonly string _ttlMilliseconds;

    public RedisStorage(RedisConnection connection, IOptions<MemoryStorageOptions> options)
        : this(connection, TimeSpan.FromMinutes(Math.Max(1, (options ?? throw new ArgumentNullException(nameof(options))).Value.IdleMinutes)))
    {
    }

    /// <param name="idle">An item neither read nor written for this long is dropped.</param>
    public RedisStorage(RedisConnection connection, TimeSpan idle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(idle, TimeSpan.FromMilliseconds(1));
        _connection = connection;
        Ttl = idle;
        _ttlMilliseconds = ((long)Ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>How long an item lives after its last read or write.</summary>
    public TimeSpan Ttl { get; }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        var names = keys.ToArray();
        var result = (RedisResult[]?)await _connection.RunAsync(db => db.ScriptEvaluateAsync(ReadScript, Keys(names), [_ttlMilliseconds])).ConfigureAwait(false) ?? [];
        for (var i = 0; i < names.Length; i++)
        {
            var json = (string?)result[2 * i];
            if (!string.IsNullOrEmpty(json))
            {
                found[names[i]] = new StoreItem(json, (string?)result[(2 * i) + 1]);
            }
        }

        return found;
    }

    public async Task WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var names = changes.Keys.ToArray();
        var args = new RedisValue[1 + (3 * names.Length)];
        args[0] = _ttlMilliseconds;
        for (var i = 0; i < names.Length; i++)
        {
            var item = changes[names[i]];
            ArgumentNullException.ThrowIfNull(item.Json, nameof(changes));
            args[1 + (3 * i)] = item.Json;
            args[2 + (3 * i)] = item.ETag ?? IStorage.AnyETag;
            args[3 + (3 * i)] = Guid.NewGuid().ToString("N");
        }

        var conflict = (long)await _connection.RunAsync(db => db.ScriptEvaluateAsync(WriteScript, Keys(names), args)).ConfigureAwait(false);
        if (conflict > 0)
        {
            throw new StorageConflictException(names[conflict - 1]);
        }
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Count == 0 ? Task.CompletedTask : _connection.RunAsync(db => db.KeyDeleteAsync(Keys([.. keys])));
    }

    private RedisKey[] Keys(string[] names) => [.. names.Select(n => (RedisKey)(_connection.KeyPrefix + "state:" + n))];
}
