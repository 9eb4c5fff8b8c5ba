using System.Numerics;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Per rule, the tokens of the message being read that it can start on (bit t for
/// token t, so for messages of up to 64 tokens).</summary>
/// <remarks>One table per thread, cleared after each message in just the slots of the rules
/// that were active (the only ones set), instead of zeroing a slot for every rule per message.</remarks>
internal static class RuleStarts
{
    [ThreadStatic] private static ulong[]? t_starts;
    // Set while a message holds the table; still set at the next message only if that one threw.
    [ThreadStatic] private static bool t_inUse;

    /// <summary>This thread's table, all zero. Hand it back with <see cref="Return"/>.</summary>
    public static ulong[] Rent(int rules)
    {
        var starts = t_starts ??= new ulong[rules];
        if (t_inUse) Array.Clear(starts);
        t_inUse = true;
        return starts;
    }

    /// <summary>Zeroes the slots of the <paramref name="active"/> rules, which hold every bit set.</summary>
    public static void Return(ulong[] starts, ReadOnlySpan<ulong> active)
    {
        for (int w = 0; w < active.Length; w++)
            for (ulong bits = active[w]; bits != 0; bits &= bits - 1)
                starts[(w << 6) + BitOperations.TrailingZeroCount(bits)] = 0;
        t_inUse = false;
    }
}
