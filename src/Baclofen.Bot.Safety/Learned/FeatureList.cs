namespace Baclofen.Bot.Safety.Learned;

/// <summary>Collects a message's hashed features, for training (scoring never stores them).</summary>
internal struct FeatureList() : IFeatureSink
{
    private readonly List<uint> _hashes = [];

    public void Add(uint hash) => _hashes.Add(hash);

    public static uint[] Of(string text)
    {
        var list = new FeatureList();
        HashedNGrams.Extract(text, ref list);
        return [.. list._hashes];
    }
}
