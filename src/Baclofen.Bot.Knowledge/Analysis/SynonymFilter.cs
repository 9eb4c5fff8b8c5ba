namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// Applies a <see cref="SynonymMap"/> to a token stream with greedy longest match, like Lucene's
/// SynonymGraphFilter but flattened (our index keeps no positions, so there is no graph to keep).
/// </summary>
/// <remarks>
/// An equivalence keeps the user's own words and adds the group's concept term at the same
/// position (Solr's expand with includeOrig): an exact wording match then scores above a synonym
/// match, and a phrase only partly typed still matches word by word. An explicit mapping replaces
/// its input, which is what it is for (misspellings, brand names).
/// </remarks>
public sealed class SynonymFilter(SynonymMap map) : TokenFilter
{
    public SynonymMap Map { get; } = map;

    public override IEnumerable<Token> Apply(IEnumerable<Token> input)
    {
        var output = new List<Token>();
        Apply(input as IReadOnlyList<Token> ?? input.ToList(), output);
        return output;
    }

    public override void Apply(List<Token> input, List<Token> output) => Apply((IReadOnlyList<Token>)input, output);

    private void Apply(IReadOnlyList<Token> tokens, List<Token> output)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            var matchLength = 0;
            var replaced = false;
            var entries = Map.StartingWith(tokens[i].Term);
            for (var n = 0; n < entries.Count; n++)
            {
                var entry = entries[n];
                if (matchLength > 0 && entry.Input.Length < matchLength) break;
                if (!Matches(tokens, i, entry.Input)) continue;
                matchLength = entry.Input.Length;
                replaced |= entry.Replacement is not null;
                Emit(tokens, i, entry, output);
            }

            if (matchLength == 0)
            {
                output.Add(tokens[i]);
                i++;
                continue;
            }

            // Equivalences keep the original words; mappings already wrote their replacement.
            if (!replaced)
                for (var k = i; k < i + matchLength; k++) output.Add(tokens[k]);
            i += matchLength;
        }
    }

    private static bool Matches(IReadOnlyList<Token> tokens, int start, string[] phrase)
    {
        if (start + phrase.Length > tokens.Count) return false;
        for (var k = 0; k < phrase.Length; k++)
            if (!string.Equals(tokens[start + k].Term, phrase[k], StringComparison.Ordinal)) return false;
        return true;
    }

    private static void Emit(IReadOnlyList<Token> tokens, int start, SynonymMap.Entry entry, List<Token> output)
    {
        var first = tokens[start];
        var last = tokens[start + entry.Input.Length - 1];
        // A typo-corrected input passes its lower weight on to what it produces.
        var weight = tokens[start].Weight;
        for (var k = start + 1; k < start + entry.Input.Length; k++) weight = Math.Min(weight, tokens[k].Weight);
        var template = first with { EndOffset = last.EndOffset, Weight = weight };
        if (entry.ConceptTerm is not null)
        {
            output.Add(template.WithTerm(entry.ConceptTerm));
            return;
        }
        foreach (var phrase in entry.Replacement!)
            foreach (var term in phrase)
                output.Add(template.WithTerm(term));
    }
}
