using System.Text.Json;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// One conversation's activity log. The watermark is the sequence number of the next activity,
/// so "give me everything from watermark N" can neither skip nor repeat one, however the
/// appends interleave. Only the newest <c>capacity</c> activities are kept.
/// </summary>
public sealed class Conversation : IConversation
{
    private readonly object _gate = new();
    private readonly Queue<JsonElement> _activities = new();
    private readonly int _capacity;
    private long _nextSequence;
    private long _firstRetained;
    private DateTimeOffset _lastTimestamp = DateTimeOffset.MinValue;
    private long _lastActiveTicks;

    public Conversation(string id, string userId, int capacity, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        _capacity = Math.Max(1, capacity);
        _lastActiveTicks = now.UtcTicks;
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>One turn at a time, so a message, its typing indicator and its replies stay together in the log.</summary>
    public SemaphoreSlim TurnLock { get; } = new(1, 1);

    public DateTimeOffset LastActive => new(Interlocked.Read(ref _lastActiveTicks), TimeSpan.Zero);

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastActiveTicks, now.UtcTicks);

    /// <summary>
    /// Gives the activity its id and timestamp and stores a snapshot of it. Timestamps strictly
    /// increase (by at least a millisecond, the precision browsers read) because Web Chat orders
    /// the transcript by them.
    /// </summary>
    public string Append(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            var timestamp = now > _lastTimestamp.AddMilliseconds(1) ? now : _lastTimestamp.AddMilliseconds(1);
            _lastTimestamp = timestamp;
            activity.Id = DirectLineIds.ActivityId(Id, _nextSequence);
            activity.Timestamp = timestamp;
            _activities.Enqueue(JsonSerializer.SerializeToElement(activity, ProtocolJson.Options));
            _nextSequence++;
            while (_activities.Count > _capacity)
            {
                _activities.Dequeue();
                _firstRetained++;
            }

            return activity.Id;
        }
    }

    public async Task<IDisposable> LockTurnAsync(CancellationToken cancellationToken)
    {
        await TurnLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(TurnLock);
    }

    public Task<string> AppendAsync(Activity activity, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Append(activity, now));

    public Task<(IReadOnlyList<JsonElement> Activities, long Watermark)> ReadFromAsync(long? watermark, CancellationToken cancellationToken) =>
        Task.FromResult(ReadFrom(watermark));

    /// <summary>Activities from <paramref name="watermark"/> on (all retained ones when null), and the new watermark.</summary>
    public (IReadOnlyList<JsonElement> Activities, long Watermark) ReadFrom(long? watermark)
    {
        lock (_gate)
        {
            var from = Math.Max(watermark ?? 0, _firstRetained);
            var skip = (int)Math.Min(from - _firstRetained, _activities.Count);
            return ([.. _activities.Skip(skip)], _nextSequence);
        }
    }

    /// <summary>Releases a turn lock exactly once, however often it is disposed.</summary>
    internal sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
