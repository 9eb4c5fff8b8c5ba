namespace Baclofen.Bot.Safety.Emergency;

/// <summary>A tiny token pattern, so the rules read like the phrases they catch.</summary>
/// <remarks>
/// Elements are separated by spaces. An element is one or more alternatives joined by "|":
/// an UPPER-CASE name matches a concept of <see cref="EmergencyLexicon"/> (so it matches every
/// form and typo of the word), a lower-case word matches that word exactly, "_" matches any
/// word, "#" any number, "$" the end of the sentence (matching no word). A trailing "?" makes
/// the element optional. "*N" skips up to N words. A match never crosses a sentence boundary.
/// Example: <c>"STOP *1 BREATHE"</c> catches "stopped breathing", "stoped breething" and
/// "stops her breathing".
/// </remarks>
internal sealed class Pattern
{
    private readonly Element[] _elements;

    public Pattern(string source)
    {
        Source = source;
        _elements = source.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray();
        if (_elements.Length == 0 || _elements[0].Gap > 0 || _elements[^1].Gap > 0)
            throw new ArgumentException($"A pattern must start and end with a word: '{source}'", nameof(source));
    }

    public string Source { get; }

    /// <summary>The literal (lower-case) words the pattern spells out.</summary>
    public IEnumerable<string> Literals => _elements.SelectMany(e => e.Words);

    /// <summary>Every word and concept name the pattern spells out.</summary>
    public IEnumerable<string> Keys => _elements.SelectMany(e => e.Keys);

    /// <summary>The words and concepts a match must start with; null when it can start anywhere.</summary>
    public IReadOnlyList<string>? FirstKeys
    {
        get
        {
            var first = _elements[0];
            return first.Any || first.Optional || first.Number || first.End ? null : first.Keys;
        }
    }

    /// <summary>The ids of the words and concepts a match must start with; null when it can start anywhere.</summary>
    public int[]? FirstKeyIds
    {
        get
        {
            var first = _elements[0];
            return first.Any || first.Optional || first.Number || first.End ? null : first.KeyIds;
        }
    }

    /// <summary>Every match, as the indices of the tokens the pattern's words matched (gaps excluded).</summary>
    public IReadOnlyList<int[]> Matches(AnalysedText text)
    {
        // Most patterns cannot start anywhere in a given message; finding that out must not allocate.
        var first = _elements[0];
        bool anchored = !(first.Any || first.Optional || first.Number || first.End);
        if (anchored && !text.HasAny(first.KeyIds)) return [];
        if (!HasEveryRequired(text)) return [];

        List<int[]>? found = null;
        var firstKeys = anchored ? first.KeySet : null;
        for (int start = 0; start < text.Count; start++)
        {
            // The starts in order, each once: the tokens whose word, spelling or concept the first element names.
            if (firstKeys is not null && !text.HasAnyAt(start, firstKeys)) continue;
            // A required first word ("#") that this token is not: no match starts here.
            if (firstKeys is null && !first.Optional && !first.End && !first.Accepts(text, start)) continue;
            MatchAt(text, start, ref found);
        }
        return (IReadOnlyList<int[]>?)found ?? [];
    }

    /// <summary>Every match, when the tokens the first element names are known already: bit t
    /// of <paramref name="starts"/> set for each such token t (so for messages of at most 64 tokens).</summary>
    public IReadOnlyList<int[]> Matches(AnalysedText text, ulong starts)
    {
        if (!HasEveryRequired(text)) return [];
        List<int[]>? found = null;
        for (ulong bits = starts; bits != 0; bits &= bits - 1)
            MatchAt(text, System.Numerics.BitOperations.TrailingZeroCount(bits), ref found);
        return (IReadOnlyList<int[]>?)found ?? [];
    }

    // The words after the first that every match needs a token for (elements that are not
    // optional, a gap, "_", "#" or "$"), as id sets. Every token's ids are in the message's
    // set, so a message lacking all of one element's words cannot match, wherever it starts.
    private IdSet[]? _required;

    private bool HasEveryRequired(AnalysedText text)
    {
        var required = _required ??= [.. _elements.Skip(1).Where(e => e.Gap == 0 && !e.Optional && !e.Any && !e.Number && !e.End).Select(e => e.KeySet)];
        foreach (var ids in required)
            if (!text.HasAny(ids)) return false;
        return true;
    }

    // The tokens of the match in progress; one list per thread, as matching never nests.
    [ThreadStatic]
    private static List<int>? t_matched;

    private void MatchAt(AnalysedText text, int start, ref List<int[]>? found)
    {
        var matched = t_matched ??= new List<int>(16);
        matched.Clear();
        if (TryMatch(text, 0, start, text.Tokens[start].Sentence, matched))
            (found ??= []).Add(matched.ToArray());
    }

    private bool TryMatch(AnalysedText text, int element, int position, int sentence, List<int> matched)
    {
        if (element == _elements.Length) return true;
        var e = _elements[element];

        if (e.Gap > 0)
        {
            for (int skip = 0; skip <= e.Gap; skip++)
            {
                int at = position + skip;
                if (at > text.Count) break;
                if (skip > 0 && text.Tokens[at - 1].Sentence != sentence) break;
                if (TryMatch(text, element + 1, at, sentence, matched)) return true;
            }
            return false;
        }

        if (e.End) return (position >= text.Count || text.Tokens[position].Sentence != sentence) && TryMatch(text, element + 1, position, sentence, matched);

        if (position < text.Count && text.Tokens[position].Sentence == sentence && e.Accepts(text, position))
        {
            matched.Add(position);
            if (TryMatch(text, element + 1, position + 1, sentence, matched)) return true;
            matched.RemoveAt(matched.Count - 1);
        }
        return e.Optional && TryMatch(text, element + 1, position, sentence, matched);
    }

    private static Element Parse(string part)
    {
        if (part.StartsWith('*')) return new Element([], [], false, false, int.Parse(part[1..], System.Globalization.CultureInfo.InvariantCulture));
        if (part == "$") return new Element([], [], false, false, 0) { End = true };
        bool optional = part.EndsWith('?');
        if (optional) part = part[..^1];
        var alternatives = part.Split('|');
        return new Element(
            alternatives.Where(a => a.Length > 0 && a != "_" && a.Any(char.IsUpper)).ToArray(),
            alternatives.Where(a => a.Length > 0 && a != "_" && a != "#" && !a.Any(char.IsUpper)).ToArray(),
            alternatives.Contains("_"),
            optional,
            0) { Number = alternatives.Contains("#") };
    }

    // A switch, not a set: "#" is tried on every word of every message (a rule starts with it),
    // and a switch turns most words away by their length and letters without hashing them.
    private static bool IsNumberWord(string word) => word is
        "one" or "two" or "three" or "four" or "five" or "six" or "seven" or "eight" or "nine" or "ten" or "eleven" or "twelve" or "fifteen" or
        "twenty" or "thirty" or "forty" or "fifty" or "dozen" or "hundred" or "couple" or "few";

    private sealed record Element(string[] Concepts, string[] Words, bool Any, bool Optional, int Gap)
    {
        public string[] Keys { get; } = [.. Words, .. Concepts];
        public bool End { get; init; }
        public bool Number { get; init; }

        // Ids of PatternIndex, resolved on first use: the index is built from every pattern, so
        // it cannot exist while the patterns are still being constructed.
        private int[]? _wordIds, _conceptIds, _keyIds;
        public int[] WordIds => _wordIds ??= Resolve(Words);
        public int[] ConceptIds => _conceptIds ??= Resolve(Concepts);
        public int[] KeyIds => _keyIds ??= Resolve(Keys);

        // The same ids as bit sets: a token is tested against all alternatives at once.
        private IdSet? _wordSet, _conceptSet, _keySet;
        private IdSet WordSet => _wordSet ??= new IdSet(WordIds);
        private IdSet ConceptSet => _conceptSet ??= new IdSet(ConceptIds);
        public IdSet KeySet => _keySet ??= new IdSet(KeyIds);

        private static int[] Resolve(string[] keys)
        {
            var ids = new int[keys.Length];
            for (int k = 0; k < keys.Length; k++)
            {
                ids[k] = PatternIndex.IdOf(keys[k]);
                if (ids[k] == 0) throw new InvalidOperationException($"'{keys[k]}' belongs to a pattern PatternIndex does not know; add its list to PatternIndex.AllPatterns.");
            }
            return ids;
        }

        public bool Accepts(AnalysedText text, int i)
        {
            if (Any) return true;
            if (Number && (text.Tokens[i].IsNumber || IsNumberWord(text.Word(i)))) return true;
            // The typed word or the literal it is a typo of; id 0 (spelt by no pattern) matches nothing.
            var words = WordSet;
            return words.Contains(text.WordIds[i]) || words.Contains(text.CanonicalIds[i]) || ConceptSet.Contains(text.ConceptIds[i]);
        }
    }
}
