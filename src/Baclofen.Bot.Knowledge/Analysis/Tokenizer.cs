namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>The source of a token stream: splits raw text into tokens.</summary>
public abstract class Tokenizer
{
    public abstract IEnumerable<Token> Tokenize(string text);

    /// <summary>The same tokens appended to <paramref name="output"/> (see <see cref="TokenFilter.Apply(List{Token}, List{Token})"/>).</summary>
    public virtual void Tokenize(string text, List<Token> output) => output.AddRange(Tokenize(text));
}
