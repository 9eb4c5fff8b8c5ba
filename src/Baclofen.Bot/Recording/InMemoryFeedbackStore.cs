namespace Baclofen.Bot.Recording;

/// <summary>Feedback counts for the life of the process (the default; nothing is written to disk).</summary>
public sealed class InMemoryFeedbackStore : IFeedbackStore
{
    private readonly Dictionary<string, FeedbackCounts> _counts = new(StringComparer.Ordinal);

    public Task RecordAsync(string faqId, bool helpful, CancellationToken cancellationToken = default)
    {
        lock (_counts)
        {
            _counts[faqId] = FeedbackTally.Add(_counts.GetValueOrDefault(faqId), helpful);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, FeedbackCounts>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_counts)
        {
            return Task.FromResult<IReadOnlyDictionary<string, FeedbackCounts>>(new Dictionary<string, FeedbackCounts>(_counts, StringComparer.Ordinal));
        }
    }
}

internal static class FeedbackTally
{
    public static FeedbackCounts Add(FeedbackCounts? counts, bool helpful)
    {
        var current = counts ?? new FeedbackCounts(0, 0);
        return helpful ? current with { Helpful = current.Helpful + 1 } : current with { NotHelpful = current.NotHelpful + 1 };
    }
}
