namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// A tokenizer followed by token filters, like Lucene's Analyzer/TokenStreamComponents. Immutable;
/// <see cref="Then"/> returns a longer chain, so a query path can stop before a stage (fuzzy
/// correction happens between stemming and synonyms) and still share every other stage.
/// </summary>
public sealed class Analyzer(Tokenizer tokenizer, IReadOnlyList<TokenFilter> filters)
{
    public Tokenizer Tokenizer { get; } = tokenizer;
    public IReadOnlyList<TokenFilter> Filters { get; } = filters;

    public Analyzer Then(TokenFilter filter) => new(Tokenizer, [.. Filters, filter]);

    public IReadOnlyList<Token> Analyze(string text)
    {
        IEnumerable<Token> stream = Tokenizer.Tokenize(text);
        foreach (var filter in Filters) stream = filter.Apply(stream);
        return stream as IReadOnlyList<Token> ?? stream.ToList();
    }

    public IReadOnlyList<string> Terms(string text) => Analyze(text).Select(t => t.Term).ToList();
}
