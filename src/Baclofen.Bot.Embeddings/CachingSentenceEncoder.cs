namespace Baclofen.Bot.Embeddings;

/// <summary>An encoder that asks an <see cref="EmbeddingCache"/> before running the model.</summary>
public sealed class CachingSentenceEncoder(ISentenceEncoder inner, EmbeddingCache cache) : ISentenceEncoder
{
    public int Dimensions => inner.Dimensions;

    public EmbeddingCache Cache => cache;

    public void Encode(string text, TextRole role, Span<float> destination)
    {
        if (cache.TryGet(text, role, destination)) return;
        inner.Encode(text, role, destination);
        cache.Add(text, role, destination[..Dimensions]);
    }
}
