namespace Baclofen.Bot.Knowledge.Ranking;

/// <summary>
/// One feature group of a text being featurized: each feature's largest value, and the features
/// in the order they were first added. Feature ids are dense (<see cref="FeatureVocabulary"/>),
/// so values sit in an array indexed by id instead of a Dictionary hashing every id; a message
/// adds a hundred or so character n-grams, and the hashing was most of featurizing them.
/// Enumerating in first-added order is what the Dictionary did (nothing is ever removed), so
/// norms sum the same values in the same order.
/// </summary>
internal sealed class FeatureGroupBuffer
{
    private float[] _values = new float[1024];
    private bool[] _present = new bool[1024];
    private int[] _order = new int[128];

    public int Count { get; private set; }

    /// <summary>The ids in first-added order.</summary>
    public ReadOnlySpan<int> Ids => _order.AsSpan(0, Count);

    public float this[int id] => _values[id];

    /// <summary>Keeps the larger of the feature's value so far (0 when new, as a Dictionary's
    /// default slot) and <paramref name="value"/>.</summary>
    public void Add(int id, float value)
    {
        if (id >= _present.Length) Grow(id);
        if (!_present[id])
        {
            _present[id] = true;
            if (Count == _order.Length) Array.Resize(ref _order, _order.Length * 2);
            _order[Count++] = id;
        }
        _values[id] = Math.Max(_values[id], value);
    }

    /// <summary>Back to empty, touching only the slots in use: the arrays stay all zero and false
    /// between texts.</summary>
    public void Clear()
    {
        foreach (var id in _order.AsSpan(0, Count))
        {
            _values[id] = 0;
            _present[id] = false;
        }
        Count = 0;
    }

    // The vocabulary grows while the training texts are featurized.
    private void Grow(int id)
    {
        var length = Math.Max(id + 1, _present.Length * 2);
        Array.Resize(ref _values, length);
        Array.Resize(ref _present, length);
    }
}
