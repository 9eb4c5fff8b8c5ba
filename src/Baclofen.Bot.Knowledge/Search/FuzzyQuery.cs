namespace Baclofen.Bot.Knowledge.Search;

/// <summary>
/// Finds vocabulary terms near a term the index does not know, like Lucene's FuzzyQuery with
/// AUTO fuzziness: no edits for terms of 1–2 characters (too many neighbours), one edit for 3–5,
/// two beyond. Only the nearest distance found is kept, and each expansion is weighted
/// 1 − edits / length as Lucene's FuzzyTermsEnum boosts them, so a guess never outscores a term
/// the user actually typed.
/// </summary>
public sealed class FuzzyQuery
{
    private readonly string[] _vocabulary;

    public FuzzyQuery(IEnumerable<string> vocabulary, int prefixLength = 0, int maxExpansions = 3)
    {
        _vocabulary = vocabulary.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        PrefixLength = prefixLength;
        MaxExpansions = maxExpansions;
    }

    /// <summary>Leading characters that must match exactly (Lucene's prefixLength); typos
    /// rarely hit the first letter, and requiring it cuts false neighbours of short words.</summary>
    public int PrefixLength { get; }

    public int MaxExpansions { get; }

    public static int AutoMaxEdits(int termLength) => termLength switch
    {
        <= 2 => 0,
        <= 5 => 1,
        _ => 2,
    };

    public sealed record Expansion(string Term, int Edits, double Weight);

    public IReadOnlyList<Expansion> Expand(string term)
    {
        var maxEdits = AutoMaxEdits(term.Length);
        if (maxEdits == 0 || !term.Any(char.IsLetter)) return [];

        var best = maxEdits + 1;
        var found = new List<Expansion>();
        foreach (var candidate in _vocabulary)
        {
            if (!SharesPrefix(term, candidate)) continue;
            var edits = DamerauLevenshtein.Distance(term, candidate, Math.Min(maxEdits, best));
            if (edits > maxEdits || edits > best || edits == 0) continue;
            if (edits < best) { best = edits; found.Clear(); }
            found.Add(new Expansion(candidate, edits, 1.0 - (double)edits / Math.Min(term.Length, candidate.Length)));
        }
        return found.Take(MaxExpansions).ToList();
    }

    private bool SharesPrefix(string term, string candidate)
    {
        if (PrefixLength == 0) return true;
        if (candidate.Length < PrefixLength || term.Length < PrefixLength) return false;
        return string.CompareOrdinal(term, 0, candidate, 0, PrefixLength) == 0;
    }
}
