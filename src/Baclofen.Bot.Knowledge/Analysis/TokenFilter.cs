namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>One stage of an analysis chain: consumes a token stream and produces another.</summary>
public abstract class TokenFilter
{
    public abstract IEnumerable<Token> Apply(IEnumerable<Token> input);
}
