namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// How much one GET of a conversation's activities may return: at most <see cref="MaxActivities"/>
/// activities and, after the first, no more than <see cref="MaxBytes"/> of their JSON. The first
/// activity is always returned, however large, so a reader never stalls on it. As with Azure
/// Direct Line, the watermark then points just past the last activity returned and the next GET
/// continues from there: a full transcript costs several small reads instead of one large one.
/// </summary>
public readonly record struct ActivityPageLimit(int MaxActivities, long MaxBytes)
{
    public static ActivityPageLimit None { get; } = new(int.MaxValue, long.MaxValue);

    /// <summary>Whether an activity of <paramref name="length"/> bytes still fits after <paramref name="count"/> activities of <paramref name="bytes"/> in total.</summary>
    public bool Admits(int count, long bytes, int length) =>
        count == 0 || (count < MaxActivities && bytes + length <= MaxBytes);
}
