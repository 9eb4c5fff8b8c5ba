using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Recognizers;

internal delegate bool SpanReader<TSpan>(IReadOnlyList<Token> tokens, int start, out TSpan span);

/// <summary>
/// Left-to-right scanning shared by the recognizers: after a match, reading resumes past it,
/// so "twenty five 10 mg tablets" yields one span, never overlapping ones.
/// </summary>
internal static class SpanScanner
{
    public static List<TSpan> Scan<TSpan>(IReadOnlyList<Token> tokens, SpanReader<TSpan> read, Func<TSpan, int> lastToken)
    {
        var found = new List<TSpan>();
        for (var i = 0; i < tokens.Count;)
        {
            if (read(tokens, i, out var span))
            {
                found.Add(span);
                i = lastToken(span) + 1;
            }
            else
            {
                i++;
            }
        }

        return found;
    }
}
