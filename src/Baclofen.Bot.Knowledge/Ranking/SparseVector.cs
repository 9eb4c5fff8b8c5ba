namespace Baclofen.Bot.Knowledge.Ranking;

/// <summary>A feature vector as parallel arrays of feature ids (ascending, distinct) and values.</summary>
public sealed record SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public int Count => Indices.Length;

    public static SparseVector From(Dictionary<int, float> features)
    {
        // Sorted as pairs, so no dictionary lookup per id is needed afterwards (ids are distinct,
        // so the order is the same as sorting the ids alone).
        var indices = new int[features.Count];
        var values = new float[features.Count];
        var i = 0;
        foreach (var (id, value) in features)
        {
            indices[i] = id;
            values[i++] = value;
        }
        Array.Sort(indices, values);
        return new SparseVector(indices, values);
    }
}
