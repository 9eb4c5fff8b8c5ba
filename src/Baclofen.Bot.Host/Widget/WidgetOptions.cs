namespace Baclofen.Bot.Host.Widget;

/// <summary>
/// The "Widget" configuration section: the website widget, its tokens and the self-hosted
/// Direct Line endpoint behind it.
/// </summary>
public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>HMAC-SHA256 key (at least 32 bytes) for Direct Line tokens; random per process when empty.</summary>
    public string? TokenSigningKey { get; set; }

    public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>Web origins (scheme://host[:port]) whose pages may embed the widget. The bot's own origin is always allowed; "*" allows any.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Origins allowed to frame the bot's own pages (CSP frame-ancestors), besides 'self'.</summary>
    public List<string> FrameAncestors { get; set; } = [];

    /// <summary>A conversation is forgotten after this long without traffic.</summary>
    public int ConversationIdleMinutes { get; set; } = 60;

    /// <summary>Only the newest activities of a conversation are kept; a resumed transcript shows at most these.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Live conversations in all; at the cap (after forgetting idle ones), starting one answers 503.</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>
    /// Live conversations started from one client address (an IPv6 client's /64); beyond it starting
    /// another answers 429. Patients behind one clinic router share an address, hence not lower.
    /// 0 = no cap. With Redis: conversations started from that address within the idle time, across instances.
    /// </summary>
    public int MaxConversationsPerClient { get; set; } = 100;

    /// <summary>New conversations one client address may start a minute (per instance); beyond it 429 with Retry-After. 0 = no limit.</summary>
    public int ConversationStartsPerMinute { get; set; } = 20;

    /// <summary>One GET of a conversation's activities returns at most this many; the watermark continues after them.</summary>
    public int MaxActivitiesPerGet { get; set; } = 100;

    /// <summary>
    /// One GET of a conversation's activities returns about this many bytes of them at most (always
    /// at least one activity): a full transcript of large activities is read in several polls, never
    /// materialised whole for one request.
    /// </summary>
    public int MaxBytesPerGet { get; set; } = 256 * 1024;

    /// <summary>
    /// All in-memory conversations together hold at most this many megabytes of activities; beyond
    /// it the least recently active are forgotten first. Bounds memory under heavy traffic, where the
    /// idle timeout alone would let it grow for an hour. Not used with Redis (its maxmemory applies).
    /// 8 MB holds about 11,000 stored activities (0.7 KB each on average, answers 1–2 KB, written
    /// back to back into 2 KB pages): over 500 widget conversations of ten exchanges within the
    /// hour they idle out in, more than one clinic's widget sees; every MB here is a MB of the
    /// bot's resident memory (it raises the default heap cap MB for MB).
    /// </summary>
    public int MaxStoredMegabytes { get; set; } = DefaultMaxStoredMegabytes;

    public const int DefaultMaxStoredMegabytes = 8;

    /// <summary>Largest activity a client may post, in bytes of JSON.</summary>
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    public string BotId { get; set; } = "baclofen-faq-bot";

    public string BotName { get; set; } = "Baclofen FAQ Bot";

    /// <summary>Folder with widget.js, the demo page and Web Chat's bundle; default: "widget" beside the binary.</summary>
    public string? StaticPath { get; set; }

    /// <summary>Azure Bot Service's Direct Line, for a clinic that already uses it.</summary>
    public AzureDirectLineOptions DirectLine { get; set; } = new();
}

public sealed class AzureDirectLineOptions
{
    /// <summary>The Direct Line channel secret. When set, the widget talks to Azure instead of this host. Never sent to a browser.</summary>
    public string? Secret { get; set; }

    public string BaseUrl { get; set; } = "https://directline.botframework.com";

    public bool Enabled => !string.IsNullOrWhiteSpace(Secret);

    /// <summary>What Web Chat is given as its Direct Line domain.</summary>
    public string Domain => BaseUrl.TrimEnd('/') + "/v3/directline";
}
