namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// A small cousin of Lucene's StandardTokenizer for chat messages: words are runs of letters and
/// digits; everything else (punctuation, emoji, symbols) separates them.
/// </summary>
/// <remarks>
/// Rules that matter for medicine questions:
/// <list type="bullet">
/// <item>An apostrophe between letters stays inside the word ("don't", "baclofen's") so the
/// possessive and contraction filters can see it; curly apostrophes count as straight ones.</item>
/// <item>Hyphens split ("long-term" → long, term; "GABA-B" → gaba, b), as Lucene does.</item>
/// <item>A decimal point between digits stays ("2.5").</item>
/// <item>Digits followed by letters split ("10mg" → 10, mg; "20min" → 20, min) because people glue
/// units to numbers, but ordinals ("1st", "2nd", "3rd", "4th") stay whole.</item>
/// </list>
/// </remarks>
public sealed class StandardTokenizer : Tokenizer
{
    public override IEnumerable<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <remarks>A term is built in a char buffer (it is the text's own characters, with curly
    /// apostrophes straightened), not a StringBuilder per word.</remarks>
    public override void Tokenize(string text, List<Token> output)
    {
        // A term is never longer than the text.
        Span<char> term = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var position = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }

            var start = i;
            var length = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    // 10mg → "10" then "mg": end the numeric token at a digit→letter boundary.
                    if (char.IsLetter(c) && length > 0 && char.IsDigit(term[length - 1]) && IsAllNumeric(term[..length]) && !IsOrdinalSuffix(text, i))
                        break;
                    term[length++] = c;
                    i++;
                }
                else if (IsApostrophe(c) && length > 0 && char.IsLetter(term[length - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    term[length++] = '\'';
                    i++;
                }
                else if (c == '.' && length > 0 && char.IsDigit(term[length - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]) && IsAllNumeric(term[..length]))
                {
                    term[length++] = '.';
                    i++;
                }
                else
                {
                    break;
                }
            }

            output.Add(new Token(new string(term[..length]), position++, start, i));
        }
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    private static bool IsAllNumeric(ReadOnlySpan<char> term)
    {
        foreach (var c in term)
            if (!char.IsDigit(c) && c != '.') return false;
        return true;
    }

    private static bool IsOrdinalSuffix(string text, int at)
    {
        var end = at;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        var suffix = text.AsSpan(at, end - at);
        return suffix.Equals("st", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);
    }
}
