namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>Replaces each term by its Porter stem, so "working", "works" and "worked" meet.</summary>
public sealed class PorterStemFilter : TokenFilter
{
    public override IEnumerable<Token> Apply(IEnumerable<Token> input)
    {
        foreach (var token in input)
            yield return token.WithTerm(PorterStemmer.Stem(token.Term));
    }

    public override void Apply(List<Token> input, List<Token> output)
    {
        foreach (var token in input)
            output.Add(token.WithTerm(PorterStemmer.Stem(token.Term)));
    }
}
