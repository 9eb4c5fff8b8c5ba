using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.SmallTalk;

namespace Baclofen.Bot.Pipeline;

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
    /// <summary>The text retrieval was asked about (normalised, truncated, greeting removed), when it ran.</summary>
    public string? RetrievalQuery { get; init; }
}
