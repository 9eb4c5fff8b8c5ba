using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Redis;

/// <summary>
/// Whether Redis is answering, as the last command found it, and the outage's log lines: one warning when it
/// starts, then at most one per <see cref="LogInterval"/> with the number of failed commands, however many
/// turns fail meanwhile; one line when Redis answers again.
/// </summary>
public sealed partial class RedisOutage(TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private DateTimeOffset? _since;
    private DateTimeOffset _lastLogged;
    private long _failuresSinceLog;

    /// <summary>False from a failed command until one succeeds.</summary>
    public bool IsReachable
    {
        get
        {
            lock (_lock)
            {
                return _since is null;
            }
        }
    }

    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var now = time.GetUtcNow();
        long failures;
        lock (_lock)
        {
            _failuresSinceLog++;
            if (_since is not null && now - _lastLogged < LogInterval)
            {
                return;
            }

            _since ??= now;
            _lastLogged = now;
            failures = _failuresSinceLog;
            _failuresSinceLog = 0;
        }

        LogUnreachable(logger, exception.GetType().Name, failures);
    }

    public void Answered()
    {
        DateTimeOffset since;
        lock (_lock)
        {
            if (_since is not { } start)
            {
                return;
            }

            since = start;
            _since = null;
            _failuresSinceLog = 0;
        }

        LogReachable(logger, time.GetUtcNow() - since);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Redis is unreachable ({Failure}, {Failures} failed commands since the last report); turns answer without conversation memory until it is back.")]
    private static partial void LogUnreachable(ILogger logger, string failure, long failures);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Redis answers again after {Outage}.")]
    private static partial void LogReachable(ILogger logger, TimeSpan outage);
}
