namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>Replaces each term by its Porter stem, so "working", "works" and "worked" meet; words in
/// <paramref name="overrides"/> get the stem given there instead (see <see cref="StemmerOverrides"/>).</summary>
public sealed class PorterStemFilter(IReadOnlyDictionary<string, string>? overrides = null) : TokenFilter
{
    public override IEnumerable<Token> Apply(IEnumerable<Token> input)
    {
        foreach (var token in input)
            yield return token.WithTerm(Stem(token.Term));
    }

    public override void Apply(List<Token> input, List<Token> output)
    {
        foreach (var token in input)
            output.Add(token.WithTerm(Stem(token.Term)));
    }

    private string Stem(string term) =>
        overrides is not null && overrides.TryGetValue(term, out var stem) ? stem : PorterStemmer.Stem(term);
}
