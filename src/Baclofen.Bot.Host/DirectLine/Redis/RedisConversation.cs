using System.Globalization;
using Baclofen.Bot.Protocol.Schema;
using StackExchange.Redis;

namespace Baclofen.Bot.Host.DirectLine.Redis;

/// <summary>
/// A handle on one conversation in Redis. Appends are optimistic: the script writes only when
/// the sequence number is still the one this handle computed the id and timestamp from, so two
/// instances appending at once can neither reuse a watermark nor reorder the log; the loser
/// re-reads and tries again.
/// </summary>
internal sealed class RedisConversation(RedisConversationStore store, string id, string userId, long nextSequence, long lastTimestampTicks, SemaphoreSlim turnLock)
    : IConversation
{
    private const string AppendScript = """
        local seq = redis.call('HGET', KEYS[1], 'seq')
        if not seq then return -1 end
        if seq ~= ARGV[1] then return -2 end
        redis.call('RPUSH', KEYS[2], ARGV[2])
        redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
        redis.call('HMSET', KEYS[1], 'seq', tostring(tonumber(seq) + 1), 'ts', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        redis.call('PEXPIRE', KEYS[2], ARGV[5])
        return 0
        """;

    // A page from the watermark: at most ARGV[3] activities and, after the first, ARGV[4] bytes of
    // them; the first item returned is the watermark after the last activity in the page.
    private const string ReadScript = """
        local seq = redis.call('HGET', KEYS[1], 'seq')
        if not seq then return false end
        seq = tonumber(seq)
        local len = redis.call('LLEN', KEYS[2])
        local first = seq - len
        local from = tonumber(ARGV[1])
        if from < first then from = first end
        local skip = from - first
        if skip > len then skip = len end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        local maxBytes = tonumber(ARGV[4])
        local page = { '' }
        local bytes = 0
        for _, item in ipairs(redis.call('LRANGE', KEYS[2], skip, skip + tonumber(ARGV[3]) - 1)) do
          bytes = bytes + string.len(item)
          if #page > 1 and bytes > maxBytes then break end
          page[#page + 1] = item
        end
        if #page == 1 then
          page[1] = string.format('%d', seq)
        else
          page[1] = string.format('%d', first + skip + #page - 1)
        end
        return page
        """;

    private const int MaxAttempts = 20;
    private long _nextSequence = nextSequence;
    private long _lastTimestampTicks = lastTimestampTicks;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public async Task<IDisposable> LockTurnAsync(CancellationToken cancellationToken)
    {
        await turnLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Conversation.Releaser(turnLock);
    }

    public async Task<string> AppendAsync(Activity activity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (meta, log) = store.Keys(Id);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // Strictly increasing by at least a millisecond: Web Chat orders the transcript by timestamp.
            var last = new DateTimeOffset(_lastTimestampTicks, TimeSpan.Zero);
            var timestamp = now > last.AddMilliseconds(1) ? now : last.AddMilliseconds(1);
            activity.Id = DirectLineIds.ActivityId(Id, _nextSequence);
            activity.Timestamp = timestamp;
            var json = ActivityJsonWriter.ToUtf8Bytes(activity);
            var outcome = (long)await store.RunAsync(db => db.ScriptEvaluateAsync(
                AppendScript,
                [meta, log],
                [Invariant(_nextSequence), json, Invariant(timestamp.UtcTicks), store.Capacity, store.TtlMilliseconds])).ConfigureAwait(false);
            switch (outcome)
            {
                case 0:
                    _nextSequence++;
                    _lastTimestampTicks = timestamp.UtcTicks;
                    return activity.Id;
                case -1:
                    throw new InvalidOperationException("The Direct Line conversation expired during the turn.");
                default:
                    // Another instance appended first: start again from what is stored now.
                    var state = await store.RunAsync(db => db.HashGetAsync(meta, ["seq", "ts"])).ConfigureAwait(false);
                    _nextSequence = long.Parse((string)state[0]!, CultureInfo.InvariantCulture);
                    _lastTimestampTicks = long.Parse((string)state[1]!, CultureInfo.InvariantCulture);
                    break;
            }
        }

        throw new InvalidOperationException("Could not append to the Direct Line conversation: too many concurrent writers.");
    }

    public async Task<(IReadOnlyList<byte[]> Activities, long Watermark)> ReadFromAsync(long? watermark, ActivityPageLimit limit, CancellationToken cancellationToken)
    {
        var (meta, log) = store.Keys(Id);
        var result = await store.RunAsync(db => db.ScriptEvaluateAsync(
            ReadScript,
            [meta, log],
            [Invariant(watermark ?? 0), store.TtlMilliseconds, Math.Max(1, limit.MaxActivities), Invariant(Math.Min(limit.MaxBytes, 1L << 50))])).ConfigureAwait(false);
        if (result.IsNull)
        {
            return ([], watermark ?? 0);
        }

        var items = (RedisResult[])result!;
        var activities = new byte[items.Length - 1][];
        for (var i = 1; i < items.Length; i++)
        {
            activities[i - 1] = (byte[])items[i]!;
        }

        return (activities, RedisConversationStore.Long(items[0]));
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
