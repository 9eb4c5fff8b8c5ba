namespace Baclofen.Bot.Embeddings;

/// <summary>Turns a text into a fixed-length, L2-normalised vector; cosine is then a dot product.</summary>
public interface ISentenceEncoder
{
    int Dimensions { get; }

    /// <summary>
    /// Writes the embedding of <paramref name="text"/> into <paramref name="destination"/> (at least
    /// <see cref="Dimensions"/> long). Retrieval models embed a searcher's query and a stored
    /// passage differently (a query prefix), so the caller says which this text is.
    /// </summary>
    void Encode(string text, TextRole role, Span<float> destination);
}

/// <summary>Which side of a search a text is on.</summary>
public enum TextRole
{
    /// <summary>What a user typed, looking for something (gets the model's query prefix).</summary>
    Query,

    /// <summary>What is searched: an FAQ question or answer, a corpus line (no prefix).</summary>
    Document,
}

public static class SentenceEncoderExtensions
{
    public static void EncodeQuery(this ISentenceEncoder encoder, string text, Span<float> destination) =>
        encoder.Encode(text, TextRole.Query, destination);

    public static void EncodeDocument(this ISentenceEncoder encoder, string text, Span<float> destination) =>
        encoder.Encode(text, TextRole.Document, destination);

    public static float[] EncodeQuery(this ISentenceEncoder encoder, string text) => Encode(encoder, text, TextRole.Query);

    public static float[] EncodeDocument(this ISentenceEncoder encoder, string text) => Encode(encoder, text, TextRole.Document);

    private static float[] Encode(ISentenceEncoder encoder, string text, TextRole role)
    {
        var vector = new float[encoder.Dimensions];
        encoder.Encode(text, role, vector);
        return vector;
    }
}
