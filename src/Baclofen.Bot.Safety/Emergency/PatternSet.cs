namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Patterns a reader needs at least one match of, with the union of their first words,
/// so the reader learns from a few bit tests that the message cannot match any of them, instead
/// of asking each pattern.</summary>
internal sealed class PatternSet(Pattern[] patterns)
{
    // Resolved on first use, when PatternIndex exists, and published as one reference.
    private sealed record FirstKeys(int[]? Ids);
    private FirstKeys? _firstKeys;

    /// <summary>False only when no pattern of the set can start anywhere in the message.</summary>
    public bool MayMatch(AnalysedText text)
    {
        var first = _firstKeys ??= new FirstKeys(Union());
        return first.Ids is null || text.HasAny(first.Ids);
    }

    // Null when some pattern can start anywhere: then the set can never be ruled out.
    private int[]? Union()
    {
        var ids = new HashSet<int>();
        foreach (var pattern in patterns)
        {
            if (pattern.FirstKeyIds is not { } first) return null;
            ids.UnionWith(first);
        }
        return [.. ids];
    }
}
