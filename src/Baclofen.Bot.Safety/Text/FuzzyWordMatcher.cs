namespace Baclofen.Bot.Safety.Text;

/// <summary>Maps a typed word onto the nearest word of a small vocabulary, tolerating typos.</summary>
/// <remarks>
/// Short words are never corrected: at four letters one edit turns almost anything into
/// anything ("fit" → "fat", "od" → "of"). Longer words get one edit, words of ten letters or more two. The
/// first letter must agree, which is how people mistype and which removes most accidental
/// neighbours. Real English words that happen to sit near a vocabulary word ("leisure" ~
/// "seizure") are listed as protected and are left alone.
/// </remarks>
public sealed class FuzzyWordMatcher
{
    private readonly Dictionary<string, string> _exact;
    private readonly Dictionary<char, (string Word, string Meaning, string Letters)[]> _byFirstLetter;
    private readonly HashSet<string> _protected;
    private readonly HashSet<string> _twoSlips;

    /// <param name="vocabulary">Word → what it means (a lemma or concept name).</param>
    /// <param name="fuzzyWords">The words typos may be corrected towards; usually the distinctive
    /// long ones of <paramref name="vocabulary"/>.</param>
    /// <param name="protectedWords">Real words never to be corrected.</param>
    /// <param name="twoSlipWords">Long words that may also be reached with two slips in the middle.</param>
    public FuzzyWordMatcher(IReadOnlyDictionary<string, string> vocabulary, IEnumerable<string> fuzzyWords, IEnumerable<string> protectedWords,
        IEnumerable<string>? twoSlipWords = null)
    {
        _twoSlips = new HashSet<string>(twoSlipWords ?? [], StringComparer.Ordinal);
        _exact = new Dictionary<string, string>(vocabulary, StringComparer.Ordinal);
        _protected = new HashSet<string>(protectedWords, StringComparer.Ordinal);
        _byFirstLetter = fuzzyWords
            .Where(w => w.Length >= MinimumFuzzyLength && vocabulary.ContainsKey(w))
            .Distinct()
            .GroupBy(w => w[0])
            .ToDictionary(g => g.Key, g => g.Select(w => (w, vocabulary[w], SortedLetters(w))).ToArray());
    }

    public const int MinimumFuzzyLength = 5;

    /// <summary>How many edits a word of this length may carry.</summary>
    public static int AllowedEdits(int length) => length < MinimumFuzzyLength ? 0 : length < 10 ? 1 : 2;

    private static string SortedLetters(string word)
    {
        var letters = word.ToCharArray();
        Array.Sort(letters);
        return new string(letters);
    }

    /// <summary>The meaning of <paramref name="word"/>, or null when it is not (close to) a vocabulary word.</summary>
    public string? Match(string word) => Closest(word)?.Meaning;

    /// <summary>The vocabulary word <paramref name="word"/> was meant to be, with its meaning.</summary>
    public (string Word, string Meaning)? Closest(string word)
    {
        if (_exact.TryGetValue(word, out var meaning)) return (word, meaning);
        int allowed = AllowedEdits(word.Length);
        if (allowed == 0 || _protected.Contains(word)) return null;
        if (!_byFirstLetter.TryGetValue(word[0], out var candidates)) return null;

        // Letters typed out of order ("tounge", "breahting") count as one slip.
        string scrambled = SortedLetters(word);
        foreach (var (candidate, candidateMeaning, letters) in candidates)
            if (candidate.Length == word.Length && letters == scrambled) return (candidate, candidateMeaning);

        (string, string)? best = null;
        int bestDistance = allowed + 1;
        foreach (var (candidate, candidateMeaning, _) in candidates)
        {
            int distance = EditDistance.Bounded(word, candidate, Math.Min(allowed, bestDistance - 1));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = (candidate, candidateMeaning);
                if (distance == 1 && allowed == 1) break;
            }
        }
        if (best is null && word.Length >= 7)
        {
            // A second slip in the middle of a long word ("breethng", "unconsous") is still the
            // word when its beginning and end are intact: those are what a reader anchors on.
            // Only for the few words listed as able to take it; others have real neighbours.
            foreach (var (candidate, candidateMeaning, _) in candidates)
                if (_twoSlips.Contains(candidate) && candidate[1] == word[1] && candidate[^1] == word[^1]
                    && EditDistance.Bounded(word, candidate, 2) <= 2)
                    return (candidate, candidateMeaning);
        }
        return best;
    }
}
