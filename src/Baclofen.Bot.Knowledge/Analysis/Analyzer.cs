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
        var result = new List<Token>();
        Analyze(text, result);
        return result;
    }

    /// <summary><see cref="Analyze(string)"/> appended to <paramref name="output"/>, for a caller
    /// that keeps a list of its own rather than a new one per text.</summary>
    public void Analyze(string text, List<Token> output)
    {
        // Every message goes through here several times per turn: the stages pass tokens between
        // two per-thread lists instead of chaining an enumerator per stage, and only the result
        // is copied out.
        var (current, next) = Buffers();
        Tokenizer.Tokenize(text, current);
        Run(0, ref current, ref next);
        output.AddRange(current);
        current.Clear();
        next.Clear();
    }

    /// <summary>The rest of the chain, from filter <paramref name="firstFilter"/> on, over tokens an
    /// analyzer made of the same tokenizer and first filters already produced: the same result as
    /// <see cref="Analyze(string)"/> of the text, without tokenizing it again.</summary>
    public IReadOnlyList<Token> Continue(IReadOnlyList<Token> tokens, int firstFilter)
    {
        var result = new List<Token>();
        Continue(tokens, firstFilter, result);
        return result;
    }

    /// <summary><see cref="Continue(IReadOnlyList{Token}, int)"/> appended to <paramref name="output"/>.</summary>
    public void Continue(IReadOnlyList<Token> tokens, int firstFilter, List<Token> output)
    {
        var (current, next) = Buffers();
        for (var i = 0; i < tokens.Count; i++) current.Add(tokens[i]);
        Run(firstFilter, ref current, ref next);
        output.AddRange(current);
        current.Clear();
        next.Clear();
    }

    private void Run(int firstFilter, ref List<Token> current, ref List<Token> next)
    {
        for (var f = firstFilter; f < Filters.Count; f++)
        {
            next.Clear();
            Filters[f].Apply(current, next);
            (current, next) = (next, current);
        }
    }

    public IReadOnlyList<string> Terms(string text)
    {
        var tokens = Analyze(text);
        var terms = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++) terms.Add(tokens[i].Term);
        return terms;
    }

    [ThreadStatic] private static List<Token>? _first;
    [ThreadStatic] private static List<Token>? _second;

    private static (List<Token>, List<Token>) Buffers()
    {
        var first = _first ??= [];
        var second = _second ??= [];
        // Left non-empty only by a stage that threw; start clean.
        first.Clear();
        second.Clear();
        return (first, second);
    }
}
