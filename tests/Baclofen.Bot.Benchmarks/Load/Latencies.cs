namespace Baclofen.Bot.Benchmarks.Load;

/// <summary>Every measured latency of one target (microseconds), its errors and the time it was driven.</summary>
internal sealed class Latencies
{
    private readonly List<int> _micros = [];

    public long Errors { get; private set; }

    public TimeSpan Driven { get; private set; }

    public long Count => _micros.Count;

    public double RequestsPerSecond => Driven > TimeSpan.Zero ? Count / Driven.TotalSeconds : 0;

    public void Add(IEnumerable<int> micros, long errors, TimeSpan driven)
    {
        _micros.AddRange(micros);
        Errors += errors;
        Driven += driven;
    }

    /// <summary>The q-quantile in milliseconds (nearest rank).</summary>
    public double PercentileMs(double q)
    {
        if (_micros.Count == 0)
        {
            return double.NaN;
        }

        _micros.Sort();
        var rank = (int)Math.Ceiling(q * _micros.Count) - 1;
        return _micros[Math.Clamp(rank, 0, _micros.Count - 1)] / 1000.0;
    }
}
