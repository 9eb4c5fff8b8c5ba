namespace Baclofen.Bot.Host;

/// <summary>How much work runs at once (<c>Bot:Concurrency:*</c>), see <see cref="BotConcurrency"/>.</summary>
public sealed class ConcurrencyOptions
{
    public const string SectionName = "Bot:Concurrency";

    /// <summary>Turns at once: /api/messages, and Direct Line conversation starts and posts. A turn that
    /// posts its reply to a slow channel holds its slot through the connector's retries.</summary>
    public int MaxTurns { get; set; } = 64;

    /// <summary>Direct Line transcript reads (polls) at once.</summary>
    public int MaxReads { get; set; } = 64;

    /// <summary>Requests waiting for a slot, per limit, first come first served; beyond it 503 with Retry-After.
    /// A waiting request has not had its body read yet: it costs its connection and little more.</summary>
    public int QueueLimit { get; set; } = 256;

    /// <summary>The Retry-After a 503 carries.</summary>
    public int RetryAfterSeconds { get; set; } = 1;
}
