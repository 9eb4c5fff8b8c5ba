namespace Baclofen.Bot.Knowledge.Faq;

/// <summary>
/// The whole validated FAQ: entries, disclaimers, sources and synonym rules. Only a
/// catalog that passed validation exists, so callers never see a partial FAQ.
/// </summary>
public sealed class FaqCatalog
{
    public FaqCatalog(
        IReadOnlyList<FaqEntry> entries,
        IReadOnlyDictionary<string, Disclaimer> disclaimers,
        IReadOnlyDictionary<string, FaqSource> sources,
        IReadOnlyList<string> synonymRules,
        IReadOnlyList<string>? outOfScopeExamples = null)
    {
        Entries = entries;
        Disclaimers = disclaimers;
        Sources = sources;
        SynonymRules = synonymRules;
        OutOfScopeExamples = outOfScopeExamples ?? [];
        _byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, FaqEntry> _byId;

    public IReadOnlyList<FaqEntry> Entries { get; }
    public IReadOnlyDictionary<string, Disclaimer> Disclaimers { get; }
    public IReadOnlyDictionary<string, FaqSource> Sources { get; }

    /// <summary>Lines of faq/synonyms.txt in Solr's format, comments and blanks removed.</summary>
    public IReadOnlyList<string> SynonymRules { get; }

    /// <summary>Messages the FAQ does not answer (faq/out-of-scope.txt): the examples of the
    /// retriever's "None" class. Empty when the file is absent.</summary>
    public IReadOnlyList<string> OutOfScopeExamples { get; }

    public FaqEntry this[string id] => _byId[id];

    public bool TryGet(string id, out FaqEntry entry) => _byId.TryGetValue(id, out entry!);

    public Disclaimer DisclaimerFor(FaqEntry entry) => Disclaimers[entry.DisclaimerKey];
}
