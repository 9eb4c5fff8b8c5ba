using System.Text.Json;

namespace Baclofen.Bot.Recording;

/// <summary>
/// Feedback counts kept in <c>feedback.json</c> in a folder, as
/// <c>{"onset": {"helpful": 3, "notHelpful": 1}}</c>, so the clinic can open it in any editor
/// and the counts survive a restart. Rewritten whole through a temporary file, so a crash never
/// leaves half a file. One process per folder.
/// </summary>
public sealed class JsonFileFeedbackStore : IFeedbackStore, IDisposable
{
    public const string FileName = "feedback.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly SemaphoreSlim _lock = new(1, 1);

    public JsonFileFeedbackStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, FileName);
    }

    public string FilePath { get; }

    public async Task RecordAsync(string faqId, bool helpful, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var counts = await ReadFileAsync(cancellationToken).ConfigureAwait(false);
            counts[faqId] = FeedbackTally.Add(counts.GetValueOrDefault(faqId), helpful);
            var temporary = FilePath + ".tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(counts, Json), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<IReadOnlyDictionary<string, FeedbackCounts>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadFileAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async Task<Dictionary<string, FeedbackCounts>> ReadFileAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return new Dictionary<string, FeedbackCounts>(StringComparer.Ordinal);
        }

        var text = await File.ReadAllTextAsync(FilePath, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<Dictionary<string, FeedbackCounts>>(text, Json)
            ?? new Dictionary<string, FeedbackCounts>(StringComparer.Ordinal);
    }
}
