using System.Collections.Frozen;
using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>How <see cref="AnalysedText"/> reads a word (its concept, the spelling the rules
/// use, and their pattern ids), worked out once for every word the lexicon or a pattern spells.</summary>
/// <remarks>Most tokens of a message are such words; one lookup then replaces two typo
/// matchers and three id lookups per token. The reading depends on the word alone (except
/// "odd", which also depends on its casing and is left out), so a word read here reads exactly
/// as it would per message. A word missing here is spelt by no pattern: its own id is 0.</remarks>
internal static class WordReadings
{
    internal readonly record struct Known(string? Concept, string Canonical, int WordId, int CanonicalId, int ConceptId);

    private static readonly Lazy<FrozenDictionary<string, Known>> Table = new(Build);

    /// <summary>The reading of a token when it needs no typo matching: a word of the table, or
    /// one too short to be corrected. False for a longer unknown word, and for "odd".</summary>
    public static bool TryGet(Token token, out Known reading)
    {
        string word = token.Text;
        if (word == "odd")
        {
            reading = default;
            return false;
        }
        if (Table.Value.TryGetValue(word, out reading)) return true;
        // Missing from the table, the word is in no vocabulary and spelt by no pattern (id 0);
        // too short for either matcher to correct, it reads as itself.
        if (word.Length >= FuzzyWordMatcher.MinimumFuzzyLength) return false;
        reading = new Known(null, word, 0, 0, 0);
        return true;
    }

    /// <summary>The concept a token stands for, and the word the rules spell it as: a
    /// vocabulary word and its concept, else a number as typed, else the literal it is a typo of.</summary>
    public static (string? Concept, string Canonical) Read(Token token)
    {
        var lexical = EmergencyLexicon.Read(token);
        // A word that is no concept may be a typo of a word the rules spell out.
        return lexical is { } found
            ? (found.Concept, found.Word)
            : (null, token.IsNumber ? token.Text : PatternVocabulary.Canonical(token.Text));
    }

    private static FrozenDictionary<string, Known> Build()
    {
        var words = new HashSet<string>(EmergencyLexicon.Matcher.Vocabulary, StringComparer.Ordinal);
        words.UnionWith(PatternIndex.Keys);
        words.Remove("odd");
        var table = new Dictionary<string, Known>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var (concept, canonical) = Read(new Token(word, word, 0, word.Length - 1, 0, 0));
            int wordId = PatternIndex.IdOf(word);
            table[word] = new Known(concept, canonical, wordId, canonical == word ? wordId : PatternIndex.IdOf(canonical),
                concept is null ? 0 : PatternIndex.IdOf(concept));
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
