namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>Lower-cases every term (invariant culture, so "I" never becomes a dotless i).</summary>
public sealed class LowerCaseFilter : TokenFilter
{
    public override IEnumerable<Token> Apply(IEnumerable<Token> input)
    {
        foreach (var token in input)
            yield return token.WithTerm(token.Term.ToLowerInvariant());
    }

    public override void Apply(List<Token> input, List<Token> output)
    {
        foreach (var token in input)
            output.Add(token.WithTerm(token.Term.ToLowerInvariant()));
    }
}
