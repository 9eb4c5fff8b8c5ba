namespace Baclofen.Bot.Knowledge.Ranking;

/// <summary>A feature vector as parallel arrays of feature ids (ascending, distinct) and values.</summary>
public sealed record SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public int Count => Indices.Length;

    public static SparseVector From(Dictionary<int, float> features)
    {
        var indices = features.Keys.ToArray();
        Array.Sort(indices);
        var values = new float[indices.Length];
        for (var i = 0; i < indices.Length; i++) values[i] = features[indices[i]];
        return new SparseVector(indices, values);
    }
}
