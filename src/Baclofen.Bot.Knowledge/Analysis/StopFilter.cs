namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>Drops terms found in a stop set, like Lucene's StopFilter.</summary>
public sealed class StopFilter(IReadOnlySet<string> stopWords) : TokenFilter
{
    public IReadOnlySet<string> StopWords { get; } = stopWords;

    public override IEnumerable<Token> Apply(IEnumerable<Token> input)
    {
        foreach (var token in input)
            if (!StopWords.Contains(token.Term))
                yield return token;
    }

    public override void Apply(List<Token> input, List<Token> output)
    {
        foreach (var token in input)
            if (!StopWords.Contains(token.Term))
                output.Add(token);
    }
}
