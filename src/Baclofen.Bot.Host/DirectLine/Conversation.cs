using System.Text.Json;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// One conversation's activity log. The watermark is the sequence number of the next activity,
/// so "give me everything from watermark N" can neither skip nor repeat one, however the
/// appends interleave. Only the newest <c>capacity</c> activities are kept, as UTF-8 JSON (a
/// parsed JsonElement costs several times its text), and every byte is counted against the
/// store's <see cref="StoreBudget"/>.
/// </summary>
public sealed class Conversation : IConversation
{
    private readonly object _gate = new();
    private readonly Queue<byte[]> _activities = new();
    private readonly StoreBudget? _budget;
    private long _bytes;
    private bool _detached;
    private readonly int _capacity;
    private long _nextSequence;
    private long _firstRetained;
    private DateTimeOffset _lastTimestamp = DateTimeOffset.MinValue;
    private long _lastActiveTicks;

    public Conversation(string id, string userId, int capacity, DateTimeOffset now, StoreBudget? budget = null)
    {
        _budget = budget;
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
            var snapshot = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
            _activities.Enqueue(snapshot);
            Count(StoreBudget.Cost(snapshot));
            _nextSequence++;
            while (_activities.Count > _capacity)
            {
                Count(-StoreBudget.Cost(_activities.Dequeue()));
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

    public Task<(IReadOnlyList<byte[]> Activities, long Watermark)> ReadFromAsync(long? watermark, CancellationToken cancellationToken) =>
        Task.FromResult(ReadFrom(watermark));

    /// <summary>Activities from <paramref name="watermark"/> on (all retained ones when null), and the new watermark.</summary>
    public (IReadOnlyList<byte[]> Activities, long Watermark) ReadFrom(long? watermark)
    {
        lock (_gate)
        {
            var from = Math.Max(watermark ?? 0, _firstRetained);
            var skip = (int)Math.Min(from - _firstRetained, _activities.Count);
            return ([.. _activities.Skip(skip)], _nextSequence);
        }
    }

    /// <summary>Bytes this conversation holds now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    // Called under _gate.
    private void Count(long delta)
    {
        Interlocked.Add(ref _bytes, delta);
        if (!_detached)
        {
            _budget?.Add(delta);
        }
    }

    /// <summary>The store let go of this conversation: its bytes no longer count against the budget (a turn still running on it may finish).</summary>
    public void Detach()
    {
        lock (_gate)
        {
            if (!_detached)
            {
                _detached = true;
                _budget?.Add(-Bytes);
            }
        }
    }

    /// <summary>Releases a turn lock exactly once, however often it is disposed.</summary>
    internal sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
