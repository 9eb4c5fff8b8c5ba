namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>One stage of an analysis chain: consumes a token stream and produces another.</summary>
public abstract class TokenFilter
{
    public abstract IEnumerable<Token> Apply(IEnumerable<Token> input);

    /// <summary>The same stage from one list into another, without an enumerator per stage;
    /// <see cref="Analyzer"/> runs the chain this way. Filters override it with a plain loop.</summary>
    public virtual void Apply(List<Token> input, List<Token> output) => output.AddRange(Apply(input));
}
