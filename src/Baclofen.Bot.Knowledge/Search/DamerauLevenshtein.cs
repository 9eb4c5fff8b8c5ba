namespace Baclofen.Bot.Knowledge.Search;

/// <summary>
/// Edit distance counting insertions, deletions, substitutions and adjacent transpositions (the
/// "optimal string alignment" form Lucene's FuzzyQuery uses with transpositions on), so
/// "withdrawl" is one edit from "withdrawal" and "teh" one from "the".
/// </summary>
public static class DamerauLevenshtein
{
    /// <summary>The distance, or <paramref name="max"/> + 1 as soon as it must exceed it.</summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;

        // Three rows on the stack for words of ordinary length: fuzzy matching compares one
        // unknown word with every vocabulary word sharing its first letter.
        var width = b.Length + 1;
        Span<int> previous2 = width <= 64 ? stackalloc int[width] : new int[width];
        Span<int> previous = width <= 64 ? stackalloc int[width] : new int[width];
        Span<int> current = width <= 64 ? stackalloc int[width] : new int[width];
        previous2.Clear();
        for (var j = 0; j <= b.Length; j++) previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length] <= max ? previous[b.Length] : max + 1;
    }
}
