namespace Baclofen.Bot.Knowledge.Search;

/// <summary>
/// Finds vocabulary terms near a term the index does not know, like Lucene's FuzzyQuery with
/// automatic fuzziness by length. Lucene/Elasticsearch AUTO allows one edit from 3 characters and
/// two from 6; we start later (by default one edit from 6, two from 9, "AUTO:6,9") because short
/// real words one edit apart are common ("store"/"stone", "pain"/"pair") and a wrong guess turns
/// into a confident wrong answer, while misspellings of our long words ("withdrawl",
/// "baclophen") stay within reach. On the dev set, fuzzy matching from 5 characters answered
/// two more out-of-scope messages and fixed no in-scope one (the synonyms list the common
/// misspellings explicitly). Only the nearest distance found is kept, and each expansion is weighted
/// 1 − edits / length as Lucene's FuzzyTermsEnum boosts them, so a guess never outscores a term
/// the user actually typed.
/// </summary>
public sealed class FuzzyQuery
{
    private readonly string[] _vocabulary;

    public FuzzyQuery(IEnumerable<string> vocabulary, int prefixLength = 0, int maxExpansions = 3, int oneEditFrom = 6, int twoEditsFrom = 9)
    {
        _oneEditFrom = oneEditFrom;
        _twoEditsFrom = twoEditsFrom;
        _vocabulary = vocabulary.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        PrefixLength = prefixLength;
        MaxExpansions = maxExpansions;
    }

    /// <summary>Leading characters that must match exactly (Lucene's prefixLength); typos
    /// rarely hit the first letter, and requiring it cuts false neighbours of short words.</summary>
    public int PrefixLength { get; }

    public int MaxExpansions { get; }

    private readonly int _oneEditFrom;
    private readonly int _twoEditsFrom;

    public int MaxEdits(int termLength) =>
        termLength >= _twoEditsFrom ? 2 : termLength >= _oneEditFrom ? 1 : 0;

    public sealed record Expansion(string Term, int Edits, double Weight);

    public IReadOnlyList<Expansion> Expand(string term)
    {
        var maxEdits = MaxEdits(term.Length);
        if (maxEdits == 0 || !term.Any(char.IsLetter)) return [];

        var best = maxEdits + 1;
        var found = new List<Expansion>();
        var (start, end) = PrefixRange(term);
        for (var i = start; i < end; i++)
        {
            var candidate = _vocabulary[i];
            if (!SharesPrefix(term, candidate)) continue;
            var edits = DamerauLevenshtein.Distance(term, candidate, Math.Min(maxEdits, best));
            if (edits > maxEdits || edits > best || edits == 0) continue;
            if (edits < best) { best = edits; found.Clear(); }
            found.Add(new Expansion(candidate, edits, 1.0 - (double)edits / Math.Min(term.Length, candidate.Length)));
        }
        return found.Take(MaxExpansions).ToList();
    }

    /// <summary>The slice of the (ordinally sorted) vocabulary that can share the term's prefix:
    /// those terms are adjacent, so the rest is never looked at. The whole vocabulary when there
    /// is no prefix to share.</summary>
    private (int Start, int End) PrefixRange(string term)
    {
        if (PrefixLength == 0 || term.Length < PrefixLength) return (0, _vocabulary.Length);
        var prefix = term.AsSpan(0, PrefixLength);
        int lo = 0, hi = _vocabulary.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_vocabulary[mid].AsSpan().SequenceCompareTo(prefix) < 0) lo = mid + 1;
            else hi = mid;
        }
        var end = lo;
        while (end < _vocabulary.Length && _vocabulary[end].AsSpan().StartsWith(prefix)) end++;
        return (lo, end);
    }

    private bool SharesPrefix(string term, string candidate)
    {
        if (PrefixLength == 0) return true;
        if (candidate.Length < PrefixLength || term.Length < PrefixLength) return false;
        return string.CompareOrdinal(term, 0, candidate, 0, PrefixLength) == 0;
    }
}
