namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Fixed-size pages the in-memory Direct Line conversations write their activity logs into, handed
/// back when a conversation drops old activities or is forgotten, and lent to the next one.
/// </summary>
/// <remarks>
/// Why not one array per activity: a stored activity lives from seconds (a busy store trimming to
/// its budget) to an hour (the idle timeout), long enough to reach the collector's oldest
/// generation and die there. Under steady widget traffic that was tens of megabytes of garbage a
/// second in the oldest generation, collected only by full collections and leaving it fragmented:
/// measured with <c>load --targets directline</c>, 20–25 MB of fragmentation and the heap at its
/// cap, whatever the store's budget. Pages are allocated once, at most the budget's worth are
/// kept, and they are reused, so the store is one long-lived block the collector never reclaims.
/// </remarks>
public sealed class PagePool
{
    /// <summary>A stored activity is 0.7 KB on average and an answer 1–2 KB: a conversation wastes half a page on average.</summary>
    public const int DefaultPageSize = 2048;

    private readonly object _gate = new();
    private readonly Stack<byte[]> _free = new();
    private readonly int _maxKept;

    /// <param name="keepBytes">At most this much is kept for reuse; pages returned beyond it are left to the collector.</param>
    public PagePool(long keepBytes, int pageSize = DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 64);
        PageSize = pageSize;
        _maxKept = (int)Math.Clamp(keepBytes / pageSize, 0, int.MaxValue);
    }

    public int PageSize { get; }

    /// <summary>Pages waiting to be reused.</summary>
    public int FreeCount
    {
        get
        {
            lock (_gate)
            {
                return _free.Count;
            }
        }
    }

    /// <summary>A page, reused when one is free. Never fails: the store's budget, not the pool, decides when to forget conversations.</summary>
    public byte[] Rent()
    {
        lock (_gate)
        {
            if (_free.TryPop(out var page))
            {
                return page;
            }
        }

        return new byte[PageSize];
    }

    public void Return(byte[] page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Length != PageSize)
        {
            throw new ArgumentException("The page did not come from this pool.", nameof(page));
        }

        // A patient's words must not outlive their conversation in a page waiting for the next one.
        Array.Clear(page);
        lock (_gate)
        {
            if (_free.Count < _maxKept)
            {
                _free.Push(page);
            }
        }
    }
}
