using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Replies;

namespace Baclofen.Bot.Recording;

/// <summary>
/// Keeps what the clinic learns from a turn: feedback counts, and (when enabled) the redacted
/// text of a question that fell back or needed a "did you mean". Emergencies are never logged
/// here: their handling is fixed and the text is the most sensitive of all.
/// </summary>
public sealed class TurnRecorder(IFeedbackStore feedback, IUnansweredLog unanswered, TimeProvider time)
{
    public async Task RecordAsync(TurnResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Feedback is { } given)
        {
            await feedback.RecordAsync(given.FaqId, given.Helpful, cancellationToken).ConfigureAwait(false);
        }

        if (result.Emergency.IsEmergency || result.Retrieval is null || result.RetrievalQuery is null)
        {
            return;
        }

        var unansweredReply = result.Replies.FirstOrDefault(r => r.Kind is ReplyKind.Fallback or ReplyKind.Clarify);
        if (unansweredReply is not null)
        {
            var entry = new UnansweredQuestion(
                time.GetUtcNow(),
                ReplyActivityFactory.KindName(unansweredReply.Kind),
                Redactor.Redact(result.RetrievalQuery),
                unansweredReply.Candidates);
            await unanswered.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }
}
