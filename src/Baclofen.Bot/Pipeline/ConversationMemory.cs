namespace Baclofen.Bot.Pipeline;

/// <summary>
/// What one turn leaves for the next in the same conversation. Plain data with no Bot Framework
/// type, serialised as JSON by the host's state store; nothing the user typed is kept.
/// Immutable: a turn makes a new one with <c>with</c>, which is what lets the in-memory store
/// keep the object itself between turns (ConversationState's <c>immutable</c>).
/// </summary>
public sealed record ConversationMemory
{
    public static readonly ConversationMemory Empty = new();

    /// <summary>The entry last answered: the topic a short follow-up refers to.</summary>
    public string? PreviousFaqId { get; init; }

    /// <summary>The entries last offered in a "did you mean", in button order ("the second one").</summary>
    public IReadOnlyList<string> OfferedFaqIds { get; init; } = [];

    /// <summary>The entry whose "was this helpful?" buttons are showing, until the next message.</summary>
    public string? FeedbackPendingFor { get; init; }
}
