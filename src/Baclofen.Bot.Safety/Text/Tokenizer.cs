namespace Baclofen.Bot.Safety.Text;

/// <summary>Splits text into <see cref="Token"/>s and records sentence and clause boundaries.</summary>
/// <remarks>Linear in the input and allocation-light: the safety gate runs on every message.</remarks>
public static class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string? text) => Split(text, out _);

    /// <param name="questionClauses">Clauses whose terminator was a question mark; the
    /// punctuation is the user's own statement that they are asking rather than telling.</param>
    public static IReadOnlyList<Token> Tokenize(string? text, out ISet<int> questionClauses)
    {
        var tokens = Split(text, out var questions);
        questionClauses = questions ?? new HashSet<int>();
        return tokens;
    }

    // The concrete types, for the safety gate's hot loops (no interface calls per token), and
    // no set at all for the many messages without a question mark.
    internal static List<Token> Split(string? text, out HashSet<int>? questionClauses)
    {
        questionClauses = null;
        if (string.IsNullOrEmpty(text)) return [];
        // About one word per four or five characters: room for most messages without regrowing the list.
        var tokens = new List<Token>(Math.Min(text.Length / 4 + 2, 64));

        int sentence = 0, clause = 0, i = 0;
        bool clauseHasWords = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsWordChar(c))
            {
                int start = i;
                i = ScanWord(text, i);
                AddWord(tokens, text, start, i, sentence, clause);
                clauseHasWords = true;
                continue;
            }

            if (IsSentenceEnd(c) || IsClauseBreak(c))
            {
                if (c == '?') (questionClauses ??= []).Add(clause);
                if (clauseHasWords)
                {
                    clause++;
                    if (IsSentenceEnd(c)) sentence++;
                    clauseHasWords = false;
                }
            }
            i++;
        }
        return tokens;
    }

    // A word continues through letters, digits, apostrophes between letters, a decimal point
    // between digits, and dots in single-letter abbreviations ("o.d.").
    private static int ScanWord(string text, int i)
    {
        int start = i;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsWordChar(c)) { i++; continue; }
            bool hasNext = i + 1 < text.Length;
            if (IsApostrophe(c) && hasNext && char.IsLetter(text[i + 1]) && i > start && char.IsLetter(text[i - 1])) { i++; continue; }
            if (c == '.' && hasNext && i > start)
            {
                if (char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])) { i++; continue; }
                bool singleLetterBefore = char.IsLetter(text[i - 1]) && (i - 1 == start || text[i - 2] == '.');
                bool singleLetterAfter = char.IsLetter(text[i + 1]) && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2]));
                if (singleLetterBefore && singleLetterAfter) { i++; continue; }
            }
            break;
        }
        return i;
    }

    // Splits a scanned word where letters meet digits ("300mg" → "300", "mg"), since people
    // glue units to numbers.
    private static void AddWord(List<Token> tokens, string text, int start, int end, int sentence, int clause)
    {
        int pieceStart = start;
        for (int j = start + 1; j <= end; j++)
        {
            bool boundary = j == end
                || (char.IsAsciiDigit(text[j]) && char.IsLetter(text[j - 1]))
                || (char.IsLetter(text[j]) && char.IsAsciiDigit(text[j - 1]));
            if (!boundary) continue;
            string original = text[pieceStart..j];
            string normal = Normalise(original);
            if (normal.Length > 0) tokens.Add(new Token(normal, original, pieceStart, j - 1, sentence, clause));
            pieceStart = j;
        }
    }

    private static string Normalise(string original)
    {
        // Most words are typed lower-case without apostrophes or dots: the same string serves.
        if (IsNormal(original)) return original;
        Span<char> buffer = original.Length <= 256 ? stackalloc char[original.Length] : new char[original.Length];
        int n = 0;
        bool numeric = char.IsAsciiDigit(original[0]);
        foreach (char c in original)
        {
            if (IsApostrophe(c) || (c == '.' && !numeric)) continue;
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }

    private static bool IsNormal(string original)
    {
        bool numeric = char.IsAsciiDigit(original[0]);
        foreach (char c in original)
            if (IsApostrophe(c) || (c == '.' && !numeric) || char.ToLowerInvariant(c) != c) return false;
        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`';
    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or ';' or '\n' or '\r';
    // Brackets are not breaks: an aside ("the little one (20 months) has been ...") belongs to
    // the clause around it, whose subject would otherwise be cut off from its verb.
    private static bool IsClauseBreak(char c) => c is ',' or ':' or '\u2014' or '\u2013';
}
