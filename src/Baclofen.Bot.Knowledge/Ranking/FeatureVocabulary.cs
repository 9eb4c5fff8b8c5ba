using System.Collections.Frozen;

namespace Baclofen.Bot.Knowledge.Ranking;

/// <summary>The kinds of feature <see cref="TextFeatures"/> produces; each has its own names.</summary>
public enum FeatureGroup { Term, Bigram, CharGram, FunctionWord }

/// <summary>
/// Feature names to dense ids. Grows while the training set is featurized, then is frozen: a
/// query feature no training text had carries no weight in any class, so it is dropped (and
/// counted, since "how much of this message the FAQ has never seen" is itself a signal).
/// Lookups take spans so a query's character n-grams are found without allocating a string each.
/// </summary>
public sealed class FeatureVocabulary
{
    private readonly Dictionary<string, int>[] _ids =
        [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    public bool Frozen { get; private set; }

    public int Count { get; private set; }

    // After Freeze: the same names and ids in read-optimised form, since every query looks up a
    // hundred or so character n-grams.
    private FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[]? _frozen;

    public void Freeze()
    {
        _frozen = [.. _ids.Select(ids => ids.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>())];
        Frozen = true;
    }

    /// <summary>The id of a feature, adding it while not frozen; -1 for an unseen feature after.</summary>
    public int Id(FeatureGroup group, ReadOnlySpan<char> name)
    {
        if (_frozen is { } frozen) return frozen[(int)group].TryGetValue(name, out var known) ? known : -1;
        var ids = _ids[(int)group];
        if (ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var id)) return id;
        if (Frozen) return -1;
        id = Count++;
        ids.Add(name.ToString(), id);
        return id;
    }
}
