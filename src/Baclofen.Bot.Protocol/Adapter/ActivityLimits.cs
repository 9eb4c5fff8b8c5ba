namespace Baclofen.Bot.Protocol.Adapter;

/// <summary>
/// The shape limits an inbound activity is checked against before it is deserialised
/// (<c>Bot:Limits:*</c>). Real activities stay far below every one; a body of tens of thousands of
/// tiny objects, which costs its sender 230 KB and the bot megabytes of objects, does not.
/// </summary>
public sealed class ActivityLimits
{
    /// <summary>Items in one list (attachments, entities, membersAdded, suggestedActions.actions ...) and
    /// members in one object. Teams sends at most a few dozen of either.</summary>
    public int MaxListItems { get; set; } = 256;

    /// <summary>Bytes (as sent, UTF-8 and escapes included) of one string or member name, except inside
    /// the members in <see cref="FreeTextMembers"/>: ids, names, URLs and locales are short.</summary>
    public int MaxStringBytes { get; set; } = 4096;

    /// <summary>Objects and lists inside one another; an Adaptive Card in an attachment reaches about 12.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>JSON tokens (every value, member name, start and end) in the whole body; a Teams message
    /// with an Adaptive Card is a few hundred to a few thousand. Over it is 413, like the byte limit.</summary>
    public int MaxTokens { get; set; } = 8192;

    /// <summary>
    /// Top-level members whose strings are bounded only by the body size: what a person typed
    /// (<c>text</c>, <c>speak</c>, a card's submitted <c>value</c>) and attachment content (Teams sends
    /// the message's HTML as an attachment).
    /// </summary>
    public static IReadOnlySet<string> FreeTextMembers { get; } = new HashSet<string>(StringComparer.Ordinal) { "text", "speak", "value", "attachments" };

    /// <summary>Problems that must stop start-up.</summary>
    public string? Validate() =>
        MaxListItems > 0 && MaxStringBytes > 0 && MaxDepth > 0 && MaxTokens > 0
            ? null
            : "Bot:Limits:MaxListItems, MaxStringBytes, MaxDepth and MaxTokens must be positive.";
}
