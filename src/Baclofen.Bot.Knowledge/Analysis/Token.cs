namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// One term in a token stream, in the spirit of Lucene's attributes (CharTerm, PositionIncrement,
/// Offset) folded into a value. <see cref="Weight"/> lets a fuzzy correction or a synonym count for
/// less than a term the user actually typed.
/// </summary>
/// <param name="Position">Ordinal of the token in the original text; filters keep it so that
/// multi-word synonyms can check adjacency after stop words were removed.</param>
public readonly record struct Token(string Term, int Position, int StartOffset, int EndOffset, double Weight = 1.0)
{
    public Token WithTerm(string term) => this with { Term = term };
}
