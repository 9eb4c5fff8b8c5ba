namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// Removes a trailing possessive "'s" ("baclofen's" → baclofen, "mom's" → mom), like Lucene's
/// EnglishPossessiveFilter. Runs before the contraction filter, so "it's"/"that's" lose the "'s"
/// too, which is harmless: "is" is a stop word anyway.
/// </summary>
public sealed class EnglishPossessiveFilter : TokenFilter
{
    public override IEnumerable<Token> Apply(IEnumerable<Token> input)
    {
        foreach (var token in input)
        {
            var term = token.Term;
            if (term.Length > 2 && term.EndsWith("'s", StringComparison.Ordinal))
                yield return token.WithTerm(term[..^2]);
            else
                yield return token;
        }
    }

    public override void Apply(List<Token> input, List<Token> output)
    {
        foreach (var token in input)
        {
            var term = token.Term;
            output.Add(term.Length > 2 && term.EndsWith("'s", StringComparison.Ordinal) ? token.WithTerm(term[..^2]) : token);
        }
    }
}
