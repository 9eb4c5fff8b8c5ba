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
    private readonly Dictionary<char, Candidate[]> _byFirstLetter;
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
            .ToDictionary(g => g.Key, g => g.Select(w => new Candidate(w, vocabulary[w], SortedLetters(w), LetterMask(w), _twoSlips.Contains(w))).ToArray());
    }

    public const int MinimumFuzzyLength = 5;

    /// <summary>The words matched exactly.</summary>
    internal IEnumerable<string> Vocabulary => _exact.Keys;

    /// <summary>How many edits a word of this length may carry.</summary>
    public static int AllowedEdits(int length) => length < MinimumFuzzyLength ? 0 : length < 10 ? 1 : 2;

    private sealed record Candidate(string Word, string Meaning, string Letters, uint Mask, bool TakesTwoSlips);

    private static string SortedLetters(string word)
    {
        var letters = word.ToCharArray();
        Array.Sort(letters);
        return new string(letters);
    }

    // Which characters (folded into 32 bits) a word contains. One edit adds at most one
    // character and removes at most one, so it changes at most two bits: words whose masks
    // differ in more than 2 * k bits are more than k edits apart, and most candidates are
    // ruled out by this alone, without computing a distance.
    private static uint LetterMask(ReadOnlySpan<char> word)
    {
        uint mask = 0;
        foreach (char c in word) mask |= 1u << (c & 31);
        return mask;
    }

    private static bool MayBeWithin(uint a, uint b, int edits) => System.Numerics.BitOperations.PopCount(a ^ b) <= 2 * edits;

    /// <summary>The meaning of <paramref name="word"/>, or null when it is not (close to) a vocabulary word.</summary>
    public string? Match(string word) => Closest(word)?.Meaning;

    /// <summary>The vocabulary word <paramref name="word"/> was meant to be, with its meaning.</summary>
    public (string Word, string Meaning)? Closest(string word)
    {
        if (_exact.TryGetValue(word, out var meaning)) return (word, meaning);
        int allowed = AllowedEdits(word.Length);
        if (allowed == 0 || _protected.Contains(word)) return null;
        if (!_byFirstLetter.TryGetValue(word[0], out var candidates)) return null;

        // Letters typed out of order ("tounge", "breahting") count as one slip. The same letters
        // make the same mask, so the letters are only sorted when some candidate's mask agrees.
        uint mask = LetterMask(word);
        Span<char> scrambled = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        bool sorted = false;
        foreach (var c in candidates)
        {
            if (c.Word.Length != word.Length || c.Mask != mask) continue;
            if (!sorted)
            {
                word.CopyTo(scrambled);
                scrambled.Sort();
                sorted = true;
            }
            if (c.Letters.AsSpan().SequenceEqual(scrambled)) return (c.Word, c.Meaning);
        }

        (string, string)? best = null;
        int bestDistance = allowed + 1;
        foreach (var c in candidates)
        {
            int max = Math.Min(allowed, bestDistance - 1);
            if (!MayBeWithin(mask, c.Mask, max)) continue;
            int distance = EditDistance.Bounded(word, c.Word, max);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = (c.Word, c.Meaning);
                if (distance == 1 && allowed == 1) break;
            }
        }
        if (best is null && word.Length >= 7)
        {
            // A second slip in the middle of a long word ("breethng", "unconsous") is still the
            // word when its beginning and end are intact: those are what a reader anchors on.
            // Only for the few words listed as able to take it; others have real neighbours.
            foreach (var c in candidates)
                if (c.TakesTwoSlips && c.Word[1] == word[1] && c.Word[^1] == word[^1]
                    && MayBeWithin(mask, c.Mask, 2) && EditDistance.Bounded(word, c.Word, 2) <= 2)
                    return (c.Word, c.Meaning);
        }
        return best;
    }
}
