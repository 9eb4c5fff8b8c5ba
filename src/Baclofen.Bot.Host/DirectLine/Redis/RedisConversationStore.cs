using System.Globalization;
using Baclofen.Bot.Host.Widget;
using Baclofen.Bot.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Baclofen.Bot.Host.DirectLine.Redis;

/// <summary>
/// Direct Line conversations in Redis, so a conversation started on one instance can be posted to
/// and polled on any other. Per conversation: a hash (<c>dl:{id}</c>: user, next sequence number,
/// last timestamp) and a list of activity snapshots (<c>dl:{id}:log</c>, newest
/// <see cref="WidgetOptions.MaxActivitiesPerConversation"/> kept). Both expire after
/// <see cref="WidgetOptions.ConversationIdleMinutes"/> without traffic, as in memory; Redis's own
/// memory limit takes the place of MaxConversations.
/// </summary>
public sealed class RedisConversationStore : IConversationStore
{
    private const string FindScript = """
        local v = redis.call('HMGET', KEYS[1], 'user', 'seq', 'ts')
        if not v[1] then return false end
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
        return v
        """;

    // KEYS[3] is the client address's sorted set of conversations it started (score: start time in
    // ms, by Redis's clock so every instance agrees); ARGV[3] its cap, 0 for none.
    private const string GetOrCreateScript = """
        local v = redis.call('HMGET', KEYS[1], 'user', 'seq', 'ts')
        local created = 0
        if not v[1] then
          local cap = tonumber(ARGV[3])
          if cap > 0 then
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[1]))
            if redis.call('ZCARD', KEYS[3]) >= cap then return { 2 } end
            redis.call('ZADD', KEYS[3], now, ARGV[4])
            redis.call('PEXPIRE', KEYS[3], ARGV[1])
          end
          redis.call('HMSET', KEYS[1], 'user', ARGV[2], 'seq', '0', 'ts', '0')
          v = { ARGV[2], '0', '0' }
          created = 1
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
        return { created, v[1], v[2], v[3] }
        """;

    // Turns of one conversation in this process wait for each other; striped so the locks never
    // grow with the number of conversations (two conversations may share a stripe, costing a short wait).
    private readonly SemaphoreSlim[] _turnLocks = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly RedisConnection _redis;
    private readonly IOptions<WidgetOptions> _options;

    public RedisConversationStore(RedisConnection redis, IOptions<WidgetOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _redis = redis;
        _options = options;
    }

    internal string TtlMilliseconds => ((long)TimeSpan.FromMinutes(Math.Max(1, _options.Value.ConversationIdleMinutes)).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    internal int Capacity => Math.Max(1, _options.Value.MaxActivitiesPerConversation);

    internal Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command) => _redis.RunAsync(command);

    public async Task<IConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var (meta, log) = Keys(conversationId);
        var found = await RunAsync(db => db.ScriptEvaluateAsync(FindScript, [meta, log], [TtlMilliseconds])).ConfigureAwait(false);
        if (found.IsNull)
        {
            return null;
        }

        var v = (RedisResult[])found!;
        return new RedisConversation(this, conversationId, (string)v[0]!, Long(v[1]), Long(v[2]), LockFor(conversationId));
    }

    /// <summary>
    /// Finds or creates. The per-client cap counts the conversations started from the address
    /// within the idle time, on every instance; one renewed by traffic for longer drops out of the
    /// count (it cannot be told apart without a write per poll). There is no byte budget:
    /// Redis's maxmemory takes its place.
    /// </summary>
    public async Task<ConversationStart> GetOrCreateAsync(string conversationId, string userId, string client, CancellationToken cancellationToken)
    {
        var (meta, log) = Keys(conversationId);
        RedisKey started = _redis.KeyPrefix + "dl-client:" + client;
        var v = (RedisResult[])(await RunAsync(db => db.ScriptEvaluateAsync(
            GetOrCreateScript,
            [meta, log, started],
            [TtlMilliseconds, userId, Math.Max(0, _options.Value.MaxConversationsPerClient), conversationId])).ConfigureAwait(false))!;
        if ((long)v[0] == 2)
        {
            return new ConversationStart(ConversationStartStatus.ClientFull, null);
        }

        var conversation = new RedisConversation(this, conversationId, (string)v[1]!, Long(v[2]), Long(v[3]), LockFor(conversationId));
        return new ConversationStart((long)v[0] == 1 ? ConversationStartStatus.Created : ConversationStartStatus.Existing, conversation);
    }

    internal (RedisKey Meta, RedisKey Log) Keys(string conversationId)
    {
        var meta = _redis.KeyPrefix + "dl:" + conversationId;
        return (meta, meta + ":log");
    }

    internal static long Long(RedisResult value) => long.Parse((string)value!, CultureInfo.InvariantCulture);

    private SemaphoreSlim LockFor(string conversationId) =>
        _turnLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_turnLocks.Length)];
}
