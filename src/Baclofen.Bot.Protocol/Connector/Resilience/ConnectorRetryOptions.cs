namespace Baclofen.Bot.Protocol.Connector.Resilience;

/// <summary>Retry settings for requests to the Bot Connector service (replies, updates), bound from
/// <c>Bot:ConnectorRetry</c> (TimeSpans as <c>hh:mm:ss.fff</c>).</summary>
public sealed class ConnectorRetryOptions
{
    public const string SectionName = "Bot:ConnectorRetry";

    /// <summary>Retries after the first attempt; 3 means at most 4 requests.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff delay; it doubles per retry, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-attempt timeout; an attempt that exceeds it counts as a retryable timeout. Null: no per-attempt limit.</summary>
    public TimeSpan? AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for: the throttled response goes back to the
    /// caller at once, since the user is waiting on the reply.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
