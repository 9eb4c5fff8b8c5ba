using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Protocol.Adapter;

/// <summary>
/// Counts refused requests (401, 4xx, 429, 503) and reports them as one Information line per minute,
/// each refusal only at Debug: a flood must not become a flood of log lines, yet an operator still
/// sees that it happened. The line for a minute is written by the first refusal after it ends.
/// </summary>
public sealed partial class RequestRefusals
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private long _periodStart;

    public RequestRefusals(ILogger logger, TimeProvider? time = null)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? TimeProvider.System;
        _periodStart = _time.GetTimestamp();
    }

    /// <param name="statusCode">What the client got.</param>
    /// <param name="reason">A fixed word for why (an error code, a limiter's name); never request content.</param>
    public void Record(int statusCode, string reason)
    {
        LogRefused(statusCode, reason);
        _counts.AddOrUpdate($"{statusCode} {reason}", 1, (_, n) => n + 1);

        var start = Interlocked.Read(ref _periodStart);
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(start, now) >= Period && Interlocked.CompareExchange(ref _periodStart, now, start) == start)
        {
            Flush();
        }
    }

    private void Flush()
    {
        var summary = new StringBuilder();
        var total = 0;
        foreach (var key in _counts.Keys.Order(StringComparer.Ordinal))
        {
            if (_counts.TryRemove(key, out var count))
            {
                total += count;
                summary.Append(summary.Length == 0 ? "" : ", ").Append(key).Append(" x").Append(count);
            }
        }

        if (total > 0)
        {
            LogSummary(total, summary.ToString());
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Refused a request: {StatusCode} {Reason}")]
    private partial void LogRefused(int statusCode, string reason);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Refused {Total} requests in the last minute or so: {Summary}")]
    private partial void LogSummary(int total, string summary);
}
