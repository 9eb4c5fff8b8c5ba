namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// Splits negative contractions into their verb and "not" ("can't" → can, not; "wont" → will,
/// not), with or without the apostrophe, since chat users drop it. Negation is kept as a term
/// because it changes meaning ("can't sleep" is a side effect, "can I sleep" is not); other
/// contractions ("I'm", "you've") just lose their apostrophe and tail.
/// </summary>
public sealed class NegationContractionFilter : TokenFilter
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["can't"] = "can", ["cant"] = "can", ["cannot"] = "can",
        ["won't"] = "will", ["wont"] = "will",
        ["shan't"] = "shall", ["ain't"] = "is", ["aint"] = "is",
    };

    // Apostrophe-less negations that are not also ordinary English words.
    private static readonly HashSet<string> BareNegations = new(StringComparer.Ordinal)
    {
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt",
        "shouldnt", "wouldnt", "couldnt", "mustnt", "neednt",
    };

    public override void Apply(List<Token> input, List<Token> output)
    {
        foreach (var token in input)
        {
            var term = token.Term;
            if (Irregular.TryGetValue(term, out var verb))
            {
                output.Add(token.WithTerm(verb));
                output.Add(token.WithTerm("not"));
            }
            else if (term.EndsWith("n't", StringComparison.Ordinal) && term.Length > 3)
            {
                output.Add(token.WithTerm(term[..^3]));
                output.Add(token.WithTerm("not"));
            }
            else if (BareNegations.Contains(term))
            {
                output.Add(token.WithTerm(term[..^2]));
                output.Add(token.WithTerm("not"));
            }
            else
            {
                var apostrophe = term.IndexOf('\'');
                output.Add(apostrophe > 0 ? token.WithTerm(term[..apostrophe]) : token);
            }
        }
    }

    public override IEnumerable<Token> Apply(IEnumerable<Token> input)
    {
        foreach (var token in input)
        {
            var term = token.Term;
            if (Irregular.TryGetValue(term, out var verb))
            {
                yield return token.WithTerm(verb);
                yield return token.WithTerm("not");
            }
            else if (term.EndsWith("n't", StringComparison.Ordinal) && term.Length > 3)
            {
                yield return token.WithTerm(term[..^3]);
                yield return token.WithTerm("not");
            }
            else if (BareNegations.Contains(term))
            {
                yield return token.WithTerm(term[..^2]);
                yield return token.WithTerm("not");
            }
            else
            {
                var apostrophe = term.IndexOf('\'');
                yield return apostrophe > 0 ? token.WithTerm(term[..apostrophe]) : token;
            }
        }
    }
}
