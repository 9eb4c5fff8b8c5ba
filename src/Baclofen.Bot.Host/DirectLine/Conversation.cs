using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// One conversation's activity log. The watermark is the sequence number of the next activity,
/// so "give me everything from watermark N" can neither skip nor repeat one, however the
/// appends interleave. Only the newest <c>capacity</c> activities are kept, as UTF-8 JSON (a
/// parsed JsonElement costs several times its text) written back to back into pages from the
/// store's <see cref="PagePool"/>, and every page is counted against the store's <see cref="StoreBudget"/>.
/// </summary>
public sealed class Conversation : IConversation
{
    /// <summary>What one stored activity costs beside its bytes: its entry in the record queue.</summary>
    public const int RecordOverheadBytes = 16;

    private readonly object _gate = new();
    private readonly PagePool _pages;
    private readonly StoreBudget? _budget;

    // The log is one stream of bytes: _held[0] starts at stream position _heldFrom, each record
    // is (start, length) in that stream, and _writeAt is where the next one goes.
    private readonly List<byte[]> _held = [];
    private readonly Queue<(long Start, int Length)> _records = new();
    private long _heldFrom;
    private long _writeAt;
    private long _bytes;
    private bool _detached;
    private readonly int _capacity;
    private long _nextSequence;
    private long _firstRetained;
    private DateTimeOffset _lastTimestamp = DateTimeOffset.MinValue;
    private long _lastActiveTicks;

    public Conversation(string id, string userId, int capacity, DateTimeOffset now, StoreBudget? budget = null, PagePool? pages = null)
    {
        _budget = budget;
        _pages = pages ?? new PagePool(0);
        Id = id;
        UserId = userId;
        _capacity = Math.Max(1, capacity);
        _lastActiveTicks = now.UtcTicks;
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>The address it was started from (<see cref="ClientAddress"/>), for the per-client cap and fair eviction.</summary>
    public string Client { get; init; } = "";

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
            _nextSequence++;
            if (_detached)
            {
                // Forgotten by the store while a turn was still running: nobody can read it any more.
                return activity.Id;
            }

            Write(ActivityJsonWriter.ToUtf8Bytes(activity));
            while (_records.Count > _capacity)
            {
                _records.Dequeue();
                _firstRetained++;
                Count(-RecordOverheadBytes);
            }

            ReleasePagesBefore(_records.Count > 0 ? _records.Peek().Start : _writeAt);
            return activity.Id;
        }
    }

    // Called under _gate.
    private void Write(ReadOnlySpan<byte> snapshot)
    {
        _records.Enqueue((_writeAt, snapshot.Length));
        Count(RecordOverheadBytes);
        var pageSize = _pages.PageSize;
        while (!snapshot.IsEmpty)
        {
            if (_writeAt == _heldFrom + ((long)_held.Count * pageSize))
            {
                _held.Add(_pages.Rent());
                Count(pageSize);
            }

            var offset = (int)(_writeAt - _heldFrom - ((long)(_held.Count - 1) * pageSize));
            var chunk = Math.Min(pageSize - offset, snapshot.Length);
            snapshot[..chunk].CopyTo(_held[^1].AsSpan(offset));
            snapshot = snapshot[chunk..];
            _writeAt += chunk;
        }
    }

    // Called under _gate: pages wholly before the oldest retained byte go back to the pool.
    private void ReleasePagesBefore(long position)
    {
        var pageSize = _pages.PageSize;
        var whole = 0;
        while (whole < _held.Count && _heldFrom + ((long)(whole + 1) * pageSize) <= position)
        {
            whole++;
        }

        for (var i = 0; i < whole; i++)
        {
            _pages.Return(_held[i]);
            Count(-pageSize);
        }

        _held.RemoveRange(0, whole);
        _heldFrom += (long)whole * pageSize;
    }

    // Called under _gate.
    private byte[] Copy((long Start, int Length) record)
    {
        var pageSize = _pages.PageSize;
        var copy = new byte[record.Length];
        var target = copy.AsSpan();
        var position = record.Start;
        while (!target.IsEmpty)
        {
            var page = (int)((position - _heldFrom) / pageSize);
            var offset = (int)((position - _heldFrom) % pageSize);
            var chunk = Math.Min(pageSize - offset, target.Length);
            _held[page].AsSpan(offset, chunk).CopyTo(target);
            target = target[chunk..];
            position += chunk;
        }

        return copy;
    }

    public async Task<IDisposable> LockTurnAsync(CancellationToken cancellationToken)
    {
        await TurnLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(TurnLock);
    }

    public Task<string> AppendAsync(Activity activity, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Append(activity, now));

    public Task<(IReadOnlyList<byte[]> Activities, long Watermark)> ReadFromAsync(long? watermark, ActivityPageLimit limit, CancellationToken cancellationToken) =>
        Task.FromResult(ReadFrom(watermark, limit));

    /// <summary>Every retained activity from <paramref name="watermark"/> on (all retained ones when null), and the new watermark.</summary>
    public (IReadOnlyList<byte[]> Activities, long Watermark) ReadFrom(long? watermark) => ReadFrom(watermark, ActivityPageLimit.None);

    /// <summary>
    /// Activities from <paramref name="watermark"/> on, as many as <paramref name="limit"/> allows, and
    /// the watermark after the last one returned (the next sequence number when nothing is left).
    /// </summary>
    public (IReadOnlyList<byte[]> Activities, long Watermark) ReadFrom(long? watermark, ActivityPageLimit limit)
    {
        lock (_gate)
        {
            var from = Math.Max(watermark ?? 0, _firstRetained);
            var skip = (int)Math.Min(from - _firstRetained, _records.Count);
            if (skip == _records.Count)
            {
                return ([], _nextSequence);
            }

            var activities = new List<byte[]>(Math.Min(_records.Count - skip, Math.Min(limit.MaxActivities, 64)));
            long bytes = 0;
            var i = -skip;
            foreach (var record in _records)
            {
                if (i++ < 0)
                {
                    continue;
                }

                if (!limit.Admits(activities.Count, bytes, record.Length))
                {
                    break;
                }

                activities.Add(Copy(record));
                bytes += record.Length;
            }

            return (activities, _firstRetained + skip + activities.Count);
        }
    }

    /// <summary>Bytes this conversation holds now.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    // Called under _gate.
    private void Count(long delta)
    {
        Interlocked.Add(ref _bytes, delta);
        _budget?.Add(delta);
    }

    /// <summary>
    /// The store let go of this conversation: its pages go back to the pool and stop counting
    /// against the budget. A turn still running on it may finish; what it appends is not kept,
    /// since no request can reach the conversation any more.
    /// </summary>
    public void Detach()
    {
        lock (_gate)
        {
            if (_detached)
            {
                return;
            }

            foreach (var page in _held)
            {
                _pages.Return(page);
            }

            _held.Clear();
            _records.Clear();
            _budget?.Add(-Bytes);
            Interlocked.Exchange(ref _bytes, 0);
            _detached = true;
        }
    }

    /// <summary>Releases a turn lock exactly once, however often it is disposed.</summary>
    internal sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
