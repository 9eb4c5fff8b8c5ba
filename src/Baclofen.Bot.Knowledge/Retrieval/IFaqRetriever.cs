using Baclofen.Bot.Knowledge.Faq;

namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>Finds the FAQ entry that answers a user's message, or says honestly that none does.</summary>
public interface IFaqRetriever
{
    RetrievalResult Retrieve(string text);
}

public enum RetrievalOutcome
{
    /// <summary>One entry answers the message with enough confidence.</summary>
    Answer,

    /// <summary>Two or three entries are plausible; the user should choose.</summary>
    Clarify,

    /// <summary>Nothing in the FAQ answers it.</summary>
    Fallback,
}

/// <summary>An entry with a calibrated confidence in 0..1.</summary>
public sealed record ScoredEntry(FaqEntry Entry, double Confidence);

/// <param name="Candidates">Best first. For Answer the first is the answer; for Clarify the
/// two or three choices; for Fallback possibly empty.</param>
public sealed record RetrievalResult(RetrievalOutcome Outcome, IReadOnlyList<ScoredEntry> Candidates)
{
    public ScoredEntry? Best => Candidates.Count > 0 ? Candidates[0] : null;
}
