namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>The source of a token stream: splits raw text into tokens.</summary>
public abstract class Tokenizer
{
    public abstract IEnumerable<Token> Tokenize(string text);
}
