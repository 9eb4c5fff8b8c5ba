namespace Baclofen.Bot.Pipeline;

/// <summary>The reply contract's kinds (design.md); serialised in lower case.</summary>
public enum ReplyKind
{
    Emergency,
    Answer,
    Clarify,
    Fallback,
    SmallTalk,
}
