namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// Splits a message into its sentences and comma-separated clauses. People wrap the real question
/// in context ("my husband has MS and has been on it for years, lately it barely helps, is that
/// normal"); the whole message's words pull the ranking towards whatever the context mentions,
/// while one clause usually carries the question on its own.
/// </summary>
public static class MessageSegments
{
    private static readonly char[] Boundaries = ['.', '?', '!', ';', ',', '\n'];

    /// <summary>The pieces of <paramref name="text"/> worth scoring alone: none when the message
    /// is a single clause (the whole message already is that clause).</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        // Most messages have no boundary at all: one piece, nothing to split or allocate.
        if (text.AsSpan().IndexOfAny(Boundaries) < 0) return [];
        var pieces = text.Split(Boundaries, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return pieces.Length < 2 ? [] : pieces;
    }
}
