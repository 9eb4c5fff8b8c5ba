namespace Baclofen.Bot.Protocol.State;

/// <summary>Bounds of the in-memory state store, bound from "Bot:State".</summary>
public sealed class MemoryStorageOptions
{
    public const string SectionName = "Bot:State";

    /// <summary>An item neither read nor written for this long is dropped. Conversation context
    /// older than this would only confuse a returning user.</summary>
    public int IdleMinutes { get; set; } = 60;

    /// <summary>At most this many items are kept; beyond it the least recently used go first,
    /// so memory does not grow with the number of conversations ever held.</summary>
    public int MaxItems { get; set; } = 10_000;
}
