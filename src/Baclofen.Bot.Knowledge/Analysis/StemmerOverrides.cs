namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// Words whose Porter stem would join them to an unrelated word, with the stem they keep instead,
/// as Lucene's StemmerOverrideFilter does. Porter stems "generic" and "generalized" both to
/// "gener", so "is there a generic baclofen" matched the entry about generalized anxiety.
/// </summary>
public static class StemmerOverrides
{
    public static IReadOnlyDictionary<string, string> English { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["generic"] = "generic",
        ["generics"] = "generic",
        ["generically"] = "generic",
    };
}
