using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;

namespace Baclofen.Bot.Pipeline.Context;

/// <summary>What retrieval found for a message, and whether the previous topic was used to find it.</summary>
public sealed record ContextualResult(RetrievalResult Result, string Query, bool UsedContext);

/// <summary>
/// Retrieval in the light of the previous answer. A standalone question is retrieved as it is.
/// A follow-up is retrieved as typed and rewritten (<see cref="FollowUpRewriter"/>: a subject swap
/// in the previous question's frame, otherwise with its pronouns resolved); among a
/// "did you mean" the entry related to the previous one is preferred, because that is the thread
/// the user is following. Context is used only when it gives a better outcome or a more confident
/// one, so a follow-up that reads well on its own is answered on its own.
/// </summary>
public sealed class ContextualRetrieval(IFaqRetriever retriever, FaqCatalog catalog)
{
    public ContextualResult Retrieve(string question, string? previousFaqId)
    {
        var standalone = retriever.Retrieve(question);
        if (previousFaqId is null || !catalog.TryGet(previousFaqId, out var previous) || !FollowUpDetector.IsFollowUp(question))
        {
            return new ContextualResult(standalone, question, false);
        }

        // A subject swap is read in the previous question's frame first; a frame that still finds
        // the previous entry did not take the new subject and is not used.
        var reframed = FollowUpRewriter.Reframe(question, previous);
        if (reframed is not null)
        {
            var framed = retriever.Retrieve(reframed);
            if (framed.Best?.Entry.Id != previous.Id && IsBetter(framed, standalone))
            {
                return new ContextualResult(framed, reframed, true);
            }
        }

        var rewritten = FollowUpRewriter.Rewrite(question);
        var contextual = PreferRelated(retriever.Retrieve(rewritten), previous);
        return IsBetter(contextual, standalone)
            ? new ContextualResult(contextual, rewritten, true)
            : new ContextualResult(standalone, question, false);
    }

    /// <summary>
    /// A "did you mean" with exactly one choice on the previous topic's thread (related to it
    /// either way, and not the entry just given) is answered with that choice.
    /// </summary>
    internal RetrievalResult PreferRelated(RetrievalResult result, FaqEntry previous)
    {
        if (result.Outcome != RetrievalOutcome.Clarify)
        {
            return result;
        }

        var onThread = result.Candidates
            .Where(c => c.Entry.Id != previous.Id && (previous.Related.Contains(c.Entry.Id) || c.Entry.Related.Contains(previous.Id)))
            .ToList();
        return onThread.Count == 1
            ? new RetrievalResult(RetrievalOutcome.Answer, [onThread[0], .. result.Candidates.Where(c => c != onThread[0])])
            : result;
    }

    private static bool IsBetter(RetrievalResult candidate, RetrievalResult baseline)
    {
        var (a, b) = (Rank(candidate.Outcome), Rank(baseline.Outcome));
        if (a != b)
        {
            return a > b;
        }

        return (candidate.Best?.Confidence ?? 0) > (baseline.Best?.Confidence ?? 0);
    }

    private static int Rank(RetrievalOutcome outcome) => outcome switch
    {
        RetrievalOutcome.Answer => 2,
        RetrievalOutcome.Clarify => 1,
        _ => 0,
    };
}
