namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Decides whether a match is negated ("no seizures", "not suicidal").</summary>
internal static class Negation
{
    // "I don't know / not sure / don't think" hedge about knowledge, they deny nothing:
    // "i dont know if hes breathing" is not an all-clear.
    private static readonly HashSet<string> Hedges = new(StringComparer.Ordinal)
    {
        "know", "knw", "sure", "think", "understand", "remember", "care", "mean", "believe", "recall", "idea", "clue",
        "matter", "worry", "panic", "wait", "let", "want", "wanna", "get", "see", "tell",
    };

    private const int Window = 3;

    public static bool IsNegator(AnalysedText text, int i)
        => text.Is(i, "NEG") && !Hedges.Contains(text.Word(i + 1)) && !(text.Word(i) == "no" && text.Word(i + 1) is "idea" or "clue" or "one");

    /// <summary>True when a negator precedes the match in its clause, or sits in a gap inside it.</summary>
    public static bool IsNegated(AnalysedText text, int[] matched)
    {
        int first = matched[0], last = matched[^1];
        int clause = text.Tokens[first].Clause;
        for (int i = Math.Max(0, first - Window); i < last; i++)
        {
            if (text.Tokens[i].Clause != clause || Array.IndexOf(matched, i) >= 0) continue;
            if (IsNegator(text, i)) return true;
        }
        return false;
    }
}
