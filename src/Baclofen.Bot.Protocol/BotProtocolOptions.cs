namespace Baclofen.Bot.Protocol;

/// <summary>Protocol-layer settings, bound from the "Bot" section of appsettings.json.</summary>
public sealed class BotProtocolOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// Largest request body /api/messages accepts. Real activities are a few KB; the limit
    /// keeps a hostile or broken client from making the bot buffer megabytes.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Shape limits checked before an activity is deserialised (<c>Bot:Limits:*</c>).</summary>
    public Adapter.ActivityLimits Limits { get; set; } = new();

    /// <summary>
    /// With no MicrosoftAppId, /api/messages accepts only loopback clients and replies only to loopback
    /// serviceUrls (the Emulator and Agents Playground on the same machine). True lifts both checks: an
    /// anonymous bot reachable from the network runs turns for anyone and posts replies wherever they say.
    /// </summary>
    public bool AllowAnonymousFromNetwork { get; set; }

    /// <summary>How long a message turn may run before the user sees a typing indicator.</summary>
    public int TypingDelayMs { get; set; } = 500;

    /// <summary>How often the typing indicator is repeated while a turn keeps running.</summary>
    public int TypingPeriodMs { get; set; } = 3000;

    /// <summary>
    /// Whether activity text may appear in logs. Off by default: users type health questions.
    /// </summary>
    public bool LogMessageText { get; set; }

    /// <summary>What the user is told when the bot fails in the middle of a turn.</summary>
    public string ErrorReplyText { get; set; } = "Sorry, something went wrong on my side. Please try again in a moment.";
}
