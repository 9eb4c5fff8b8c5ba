namespace Baclofen.Bot.Safety.Learned;

/// <summary>The training corpus embedded in this assembly: every <c>Learned/Corpus/*.tsv</c>,
/// read in name order so training always sees the same lines in the same order.</summary>
public static class ShippedCorpus
{
    private const string Prefix = "Baclofen.Bot.Safety.Corpus.";

    public static IReadOnlyList<string> FileNames =>
        [.. typeof(ShippedCorpus).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<CorpusLine> Load()
    {
        var lines = new List<CorpusLine>();
        foreach (var name in FileNames)
        {
            using var stream = typeof(ShippedCorpus).Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            lines.AddRange(CorpusFile.Read(reader, name));
        }
        return lines;
    }
}
