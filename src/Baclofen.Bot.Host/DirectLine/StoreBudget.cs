namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// The bytes every in-memory Direct Line conversation holds together, against
/// <c>Widget:MaxStoredMegabytes</c>. Without it memory would grow with every conversation until
/// each one idles out (an hour by default): under heavy traffic, far past what one machine has.
/// </summary>
public sealed class StoreBudget(long limitBytes)
{
    private long _used;

    public long LimitBytes { get; } = Math.Max(1, limitBytes);

    public long UsedBytes => Interlocked.Read(ref _used);

    public bool IsExceeded => UsedBytes > LimitBytes;

    public void Add(long delta) => Interlocked.Add(ref _used, delta);
}
