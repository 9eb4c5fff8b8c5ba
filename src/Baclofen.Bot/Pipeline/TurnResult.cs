using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.SmallTalk;

namespace Baclofen.Bot.Pipeline;

/// <summary>A "was this helpful?" answered this turn: which entry, and the verdict. No text.</summary>
public sealed record FeedbackGiven(string FaqId, bool Helpful);

/// <summary>
/// The replies of one turn plus what led to them. The evaluation command reads the trace
/// (top-3 candidates, the safety verdict) from the very same run that produced the replies.
/// </summary>
public sealed record TurnResult(
    IReadOnlyList<BotReply> Replies,
    EmergencyAssessment Emergency,
    RetrievalResult? Retrieval,
    SmallTalkIntent? SmallTalk)
{
    /// <summary>The text retrieval was asked about (normalised, truncated, greeting removed), when it ran.
    /// For a follow-up answered from context, the rewritten question.</summary>
    public string? RetrievalQuery { get; init; }

    /// <summary>True when the previous answer's topic decided the retrieval.</summary>
    public bool UsedContext { get; init; }

    /// <summary>Feedback the user gave this turn, to be counted by the host.</summary>
    public FeedbackGiven? Feedback { get; init; }

    /// <summary>What the next turn of this conversation should know.</summary>
    public ConversationMemory Memory { get; init; } = ConversationMemory.Empty;
}
