namespace Baclofen.Bot.Host;

/// <summary>Per-client request limits on the public endpoints, bound from the "RateLimiting" section.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Off only for load tests or when a gateway in front already limits per client.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per minute from one client IP without a bearer token (the widget, a local Emulator, anyone probing).</summary>
    public int PermitsPerMinute { get; set; } = 120;

    /// <summary>
    /// Requests per minute to /api/messages from one IP whose bearer token passed validation (signature, issuer,
    /// audience, lifetime). The Bot Connector delivers every user's messages from a handful of Azure addresses,
    /// so it gets its own, far larger bucket; a request whose token fails counts against <see cref="PermitsPerMinute"/>.
    /// </summary>
    public int BearerPermitsPerMinute { get; set; } = 6000;
}
