namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>
/// A clock the test moves. Timers fire when <see cref="Advance"/> passes their due time. With
/// <see cref="AutoAdvanceUpTo"/> set, a timer due within that span (a retry delay) moves the clock forward
/// by itself and fires at once, so retry tests neither sleep nor race; longer timers (per-attempt timeouts)
/// stay pending. Delays taken that way are recorded in <see cref="AutoAdvancedDelays"/>.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now = start;

    public static DateTimeOffset DefaultStart { get; } = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider() : this(DefaultStart)
    {
    }

    public TimeSpan? AutoAdvanceUpTo { get; set; }

    public List<TimeSpan> AutoAdvancedDelays { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (_lock)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            foreach (var timer in due)
            {
                _timers.Remove(timer);
            }
        }
        foreach (var timer in due)
        {
            timer.FireLater();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime)
    {
        bool autoAdvance;
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }
            timer.DueAt = _now + dueTime;
            _timers.Add(timer);
            autoAdvance = dueTime > TimeSpan.Zero && AutoAdvanceUpTo is { } limit && dueTime <= limit;
            if (autoAdvance)
            {
                AutoAdvancedDelays.Add(dueTime);
            }
        }
        Advance(autoAdvance ? dueTime : TimeSpan.Zero);
    }

    private void Unschedule(FakeTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        // On the thread pool, never inside CreateTimer: Task.Delay must finish constructing before it completes.
        public void FireLater() => ThreadPool.QueueUserWorkItem(_ => callback(state));

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime);
            return true;
        }

        public void Dispose() => owner.Unschedule(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
