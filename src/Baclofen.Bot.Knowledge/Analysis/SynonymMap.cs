namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// Synonym rules compiled into analyzed term sequences, as Solr's SynonymGraphFilterFactory does
/// with its <c>analyzer</c> argument: every phrase goes through the same chain as the text
/// (tokenize, lower-case, stop words, stem), so "takes effect" in a message meets "take effect" in
/// the file, and the same map serves index and query time.
/// </summary>
public sealed class SynonymMap
{
    /// <summary>What a matched phrase turns into.</summary>
    /// <param name="ConceptTerm">For an equivalence: the one term every member emits beside its
    /// own words. Null for an explicit mapping.</param>
    /// <param name="Replacement">For an explicit mapping: the analyzed output terms that replace the
    /// input. Null for an equivalence.</param>
    public sealed record Entry(string[] Input, string? ConceptTerm, IReadOnlyList<string[]>? Replacement);

    /// <summary>The prefix of concept terms; it cannot come out of the tokenizer, so a concept
    /// never collides with a word.</summary>
    public const string ConceptPrefix = "syn:";

    private readonly Dictionary<string, List<Entry>> _byFirstTerm = new(StringComparer.Ordinal);

    public int MaxInputLength { get; private set; }

    /// <summary>Every term that appears in some rule's input, for fuzzy correction of typos that
    /// only a rule knows (an explicit mapping's input never reaches the index).</summary>
    public IReadOnlySet<string> InputTerms => _inputTerms;

    private readonly HashSet<string> _inputTerms = new(StringComparer.Ordinal);

    public static SynonymMap Empty { get; } = new();

    public static SynonymMap Build(IEnumerable<SynonymRule> rules, Analyzer phraseAnalyzer)
    {
        var map = new SynonymMap();
        foreach (var rule in rules)
        {
            var inputs = rule.Inputs.Select(p => Terms(phraseAnalyzer, p)).Where(t => t.Length > 0).ToList();
            if (rule.IsExplicitMapping)
            {
                var outputs = rule.Outputs.Select(p => Terms(phraseAnalyzer, p)).Where(t => t.Length > 0).ToList();
                foreach (var input in inputs)
                    map.Add(new Entry(input, null, outputs));
            }
            else
            {
                if (inputs.Count == 0) continue;
                var concept = ConceptPrefix + string.Join('_', inputs[0]);
                foreach (var input in inputs)
                    map.Add(new Entry(input, concept, null));
            }
        }
        return map;
    }

    private static string[] Terms(Analyzer analyzer, string phrase) =>
        analyzer.Analyze(phrase).Select(t => t.Term).ToArray();

    private void Add(Entry entry)
    {
        if (!_byFirstTerm.TryGetValue(entry.Input[0], out var list))
            _byFirstTerm[entry.Input[0]] = list = [];
        // A phrase listed twice (in two groups) emits every concept it belongs to.
        list.Add(entry);
        list.Sort((x, y) => y.Input.Length.CompareTo(x.Input.Length));
        MaxInputLength = Math.Max(MaxInputLength, entry.Input.Length);
        foreach (var term in entry.Input) _inputTerms.Add(term);
    }

    /// <summary>Entries whose input starts with <paramref name="term"/>, longest input first.</summary>
    public IReadOnlyList<Entry> StartingWith(string term) =>
        _byFirstTerm.TryGetValue(term, out var list) ? list : [];
}
