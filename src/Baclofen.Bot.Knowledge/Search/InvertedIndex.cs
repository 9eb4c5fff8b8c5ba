using Baclofen.Bot.Knowledge.Analysis;

namespace Baclofen.Bot.Knowledge.Search;

/// <summary>
/// Term → postings per field, with the per-document field lengths BM25 needs. Built once from
/// analyzed documents and read-only afterwards, so concurrent queries need no locks. Unlike
/// Lucene we keep exact lengths instead of a one-byte norm; the corpus is tiny.
/// </summary>
public sealed class InvertedIndex
{
    private readonly Dictionary<string, FieldIndex> _fields = new(StringComparer.Ordinal);

    public int DocCount { get; private set; }

    public IEnumerable<string> FieldNames => _fields.Keys;

    /// <summary>Adds a document given its analyzed fields; returns its id (0, 1, 2, ...).</summary>
    public int Add(IReadOnlyDictionary<string, IReadOnlyList<Token>> fields)
    {
        var docId = DocCount++;
        foreach (var (name, tokens) in fields)
        {
            if (!_fields.TryGetValue(name, out var field)) _fields[name] = field = new FieldIndex();
            field.Add(docId, tokens);
        }
        return docId;
    }

    public FieldIndex? Field(string name) => _fields.GetValueOrDefault(name);

    /// <summary>Every distinct term in any field.</summary>
    public IEnumerable<string> Vocabulary => _fields.Values.SelectMany(f => f.Terms).Distinct(StringComparer.Ordinal);

    public sealed class FieldIndex
    {
        private readonly Dictionary<string, List<Posting>> _postings = new(StringComparer.Ordinal);
        private readonly List<int> _lengths = [];
        private long _totalLength;
        private int _docsWithField;

        public IEnumerable<string> Terms => _postings.Keys;

        /// <summary>Documents that have this field at all: BM25's N for this field, as Lucene's
        /// CollectionStatistics.docCount.</summary>
        public int DocCount => _docsWithField;

        public double AverageLength => _docsWithField == 0 ? 0 : (double)_totalLength / _docsWithField;

        public int Length(int docId) => docId < _lengths.Count ? _lengths[docId] : 0;

        public IReadOnlyList<Posting> Postings(string term) =>
            _postings.TryGetValue(term, out var list) ? list : [];

        public int DocFrequency(string term) => _postings.TryGetValue(term, out var list) ? list.Count : 0;

        internal void Add(int docId, IReadOnlyList<Token> tokens)
        {
            while (_lengths.Count <= docId) _lengths.Add(0);
            if (tokens.Count == 0) return;

            _lengths[docId] = tokens.Count;
            _totalLength += tokens.Count;
            _docsWithField++;
            foreach (var group in tokens.GroupBy(t => t.Term, StringComparer.Ordinal))
            {
                if (!_postings.TryGetValue(group.Key, out var list)) _postings[group.Key] = list = [];
                list.Add(new Posting(docId, group.Count()));
            }
        }
    }
}
