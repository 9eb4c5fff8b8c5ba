namespace Baclofen.Bot.Host;

/// <summary>
/// Room under the GC heap cap for an FAQ rebuild. While faq/ is rebuilt the old index keeps
/// serving and the new one grows beside it: about 11 MB more live heap for a fraction of a second
/// (measured: a build next to a live index needs 20-24 MB of heap, one index alone ~13 MB). The cap
/// (<see cref="GcHeapLimit"/>) is sized for serving; without this, a rebuild under load at a
/// 40 MB cap ran out of memory 13 times in 14 and failed a turn. So the cap is raised by
/// <see cref="Megabytes"/> for the rebuild and put back once the old index is garbage, so the
/// memory stays flat between edits.
/// </summary>
public static partial class GcReloadHeadroom
{
    public const int Megabytes = 16;

    // Turns that started before the swap finish on the old index within milliseconds; the first
    // attempt waits a little longer than that, later ones retry while the heap is still above the cap.
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);
    private const int MaxAttempts = 30;

    private static readonly Lock Gate = new();
    private static Timer? s_restore;
    private static int s_attempts;

    /// <summary>Raises the cap this process applied (nothing if it applied none) until the lease is disposed.</summary>
    public static IDisposable? Raise(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (GcHeapLimit.AppliedBytes is not { } cap || cap <= 0)
        {
            return null;
        }

        lock (Gate)
        {
            // A rebuild while the previous one's restore is still pending: that restore is moot.
            s_restore?.Dispose();
            s_restore = null;
            try
            {
                SetLimit(cap + (Megabytes * 1024L * 1024));
            }
            catch (InvalidOperationException e)
            {
                LogNotRaised(logger, e.Message);
                return null;
            }
        }

        return new Lease(cap, logger);
    }

    private static void SetLimit(long bytes)
    {
        AppContext.SetData("GCHeapHardLimit", (ulong)bytes);
        GC.RefreshMemoryLimit();
    }

    private static void Restore(long cap, ILogger logger)
    {
        lock (Gate)
        {
            s_attempts = 0;
            s_restore?.Dispose();
            s_restore = new Timer(_ => TryRestore(cap, logger), null, RetryEvery, RetryEvery);
        }
    }

    private static void TryRestore(long cap, ILogger logger)
    {
        lock (Gate)
        {
            if (s_restore is not { } restore)
            {
                return;
            }

            // The old index is garbage by now; compact so the heap fits under the cap again.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            try
            {
                SetLimit(cap);
                restore.Dispose();
                s_restore = null;
                LogRestored(logger, cap / (1024 * 1024));
            }
            catch (InvalidOperationException)
            {
                // Still more committed than the cap allows (a burst of traffic): try again shortly.
                if (++s_attempts >= MaxAttempts)
                {
                    restore.Dispose();
                    s_restore = null;
                    LogNotRestored(logger, cap / (1024 * 1024), (cap / (1024 * 1024)) + Megabytes);
                }
            }
        }
    }

    private sealed class Lease(long cap, ILogger logger) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Restore(cap, logger);
            }
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "GC heap cap back at {Megabytes} MB after the FAQ rebuild.")]
    private static partial void LogRestored(ILogger logger, long megabytes);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "The GC heap cap could not be raised for the FAQ rebuild ({Reason}); the rebuild runs under the usual cap.")]
    private static partial void LogNotRaised(ILogger logger, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "The GC heap did not fit under its {Megabytes} MB cap again after the FAQ rebuild; it stays capped at {Raised} MB until the next rebuild.")]
    private static partial void LogNotRestored(ILogger logger, long megabytes, long raised);
}
