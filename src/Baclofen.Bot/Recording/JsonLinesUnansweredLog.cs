using System.Text.Json;

namespace Baclofen.Bot.Recording;

/// <summary>
/// Appends unanswered questions to <c>unanswered.jsonl</c> in a folder, one JSON object a line
/// (<c>{"time":"…","kind":"fallback","text":"…","candidates":[]}</c>): the clinic reads the file,
/// nothing serves it over HTTP. One process per folder.
/// </summary>
public sealed class JsonLinesUnansweredLog : IUnansweredLog, IDisposable
{
    public const string FileName = "unanswered.jsonl";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _lock = new(1, 1);

    public JsonLinesUnansweredLog(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, FileName);
    }

    public string FilePath { get; }

    public async Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken = default)
    {
        var line = JsonSerializer.Serialize(question, Json) + "\n";
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(FilePath, line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
