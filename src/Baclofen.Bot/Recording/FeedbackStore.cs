namespace Baclofen.Bot.Recording;

/// <summary>How often an entry's answer was rated helpful and not helpful.</summary>
public sealed record FeedbackCounts(int Helpful, int NotHelpful);

/// <summary>
/// Counts "was this helpful?" answers per FAQ entry. Only the entry id and the verdict are ever
/// given to it: no message text, no user or conversation id.
/// </summary>
public interface IFeedbackStore
{
    Task RecordAsync(string faqId, bool helpful, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, FeedbackCounts>> ReadAllAsync(CancellationToken cancellationToken = default);
}
