namespace Baclofen.Bot.Knowledge.Ranking;

/// <summary>
/// Feature names to dense ids. Grows while the training set is featurized, then is frozen: a
/// query feature no training text had carries no weight in any class, so it is dropped (and
/// counted, since "how much of this message the FAQ has never seen" is itself a signal).
/// </summary>
public sealed class FeatureVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public bool Frozen { get; private set; }

    public int Count => _ids.Count;

    public void Freeze() => Frozen = true;

    /// <summary>The id of a feature, adding it while not frozen; -1 for an unseen feature after.</summary>
    public int Id(string feature)
    {
        if (_ids.TryGetValue(feature, out var id)) return id;
        if (Frozen) return -1;
        id = _ids.Count;
        _ids.Add(feature, id);
        return id;
    }
}
