using System.Threading.RateLimiting;
using Baclofen.Bot.Host.Widget;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// How many new conversations one client address may start a minute
/// (<see cref="WidgetOptions.ConversationStartsPerMinute"/>), in this process. Separate from the
/// per-IP request limit: that one can be off behind a gateway, and it counts cheap requests alike,
/// while each new conversation holds memory for its whole idle time.
/// </summary>
public sealed class ConversationStartLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly int _perMinute;

    public ConversationStartLimiter(IOptions<WidgetOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _perMinute = options.Value.ConversationStartsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => _perMinute <= 0
            ? RateLimitPartition.GetNoLimiter(client)
            : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = _perMinute,
                Window = Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Counts one start; null when allowed, otherwise how long the client should wait.</summary>
    public TimeSpan? TryStart(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
    }

    /// <summary>Whether a start would be allowed now, without counting one (the widget's token endpoint asks first).</summary>
    public bool CanStart(string client) =>
        _perMinute <= 0 || (_limiter.GetStatistics(client)?.CurrentAvailablePermits ?? 1) > 0;

    public void Dispose() => _limiter.Dispose();
}
