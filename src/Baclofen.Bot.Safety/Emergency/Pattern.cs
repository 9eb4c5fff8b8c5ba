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

    /// <summary>The words and concepts a match must start with; null when it can start anywhere.</summary>
    public IReadOnlyList<string>? FirstKeys
    {
        get
        {
            var first = _elements[0];
            return first.Any || first.Optional || first.Number || first.End ? null : first.Keys;
        }
    }

    /// <summary>Every match, as the indices of the tokens the pattern's words matched (gaps excluded).</summary>
    public IReadOnlyList<int[]> Matches(AnalysedText text)
    {
        // Most rules cannot start anywhere in a given message; finding that out must not allocate.
        var first = _elements[0];
        List<int[]>? found = null;
        List<int>? matched = null;
        if (first.Any || first.Optional || first.Number || first.End)
        {
            for (int start = 0; start < text.Count; start++) TryAt(start);
        }
        else
        {
            int previous = -1;
            foreach (int start in MergedStarts(text, first))
            {
                if (start == previous) continue;
                previous = start;
                TryAt(start);
            }
        }
        return (IReadOnlyList<int[]>?)found ?? [];

        void TryAt(int start)
        {
            matched ??= new List<int>(_elements.Length);
            matched.Clear();
            if (TryMatch(text, 0, start, text.Tokens[start].Sentence, matched))
                (found ??= []).Add(matched.ToArray());
        }
    }

    private static IEnumerable<int> MergedStarts(AnalysedText text, Element first)
    {
        IReadOnlyList<int>? only = null;
        int lists = 0;
        foreach (var key in first.Keys)
        {
            var positions = text.PositionsOf(key);
            if (positions.Count == 0) continue;
            only = positions;
            lists++;
        }
        if (lists == 0) return [];
        if (lists == 1) return only!;
        var all = new List<int>();
        foreach (var key in first.Keys) all.AddRange(text.PositionsOf(key));
        all.Sort();
        return all;
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

    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
        "twenty", "thirty", "forty", "fifty", "dozen", "hundred", "couple", "few",
    };

    private sealed record Element(string[] Concepts, string[] Words, bool Any, bool Optional, int Gap)
    {
        public string[] Keys { get; } = [.. Words, .. Concepts];
        public bool End { get; init; }
        public bool Number { get; init; }

        public bool Accepts(AnalysedText text, int i)
        {
            if (Any) return true;
            if (Number && (text.Tokens[i].IsNumber || NumberWords.Contains(text.Word(i)))) return true;
            string word = text.Word(i), canonical = text.Canonical(i);
            foreach (var w in Words) if (w == word || w == canonical) return true;
            string? concept = text.Concept(i);
            if (concept is null) return false;
            foreach (var c in Concepts) if (c == concept) return true;
            return false;
        }
    }
}
