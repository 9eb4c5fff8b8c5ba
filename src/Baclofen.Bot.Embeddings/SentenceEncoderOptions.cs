namespace Baclofen.Bot.Embeddings;

/// <summary>How the token vectors become one sentence vector, as the model's sentence-transformers config says.</summary>
public enum Pooling
{
    /// <summary>The [CLS] token's vector (arctic-embed).</summary>
    Cls,

    /// <summary>The mean of the token vectors under the attention mask (MiniLM and most others).</summary>
    Mean,
}

/// <summary>A BERT-style ONNX sentence model on disk: files, tokenizer settings, pooling, query prefix.</summary>
public sealed record SentenceEncoderOptions
{
    public required string ModelPath { get; init; }

    public required string VocabularyPath { get; init; }

    public bool LowerCase { get; init; } = true;

    /// <summary>Tokens per text, [CLS] and [SEP] included; longer texts are truncated.</summary>
    public int MaxTokens { get; init; } = 128;

    public Pooling Pooling { get; init; } = Pooling.Cls;

    /// <summary>Put before a query's text (not a document's), as the model was trained.</summary>
    public string QueryPrefix { get; init; } = "";

    /// <summary>
    /// Snowflake arctic-embed-xs (Apache-2.0): 384 dimensions, 6 layers, uncased WordPiece, CLS pooling
    /// then normalisation, and this query prefix (its model card and sentence-transformers config).
    /// </summary>
    public static SentenceEncoderOptions ArcticXs(string? directory = null)
    {
        directory ??= ArcticXsDirectory;
        return new SentenceEncoderOptions
        {
            ModelPath = Path.Combine(directory, "model.onnx"),
            VocabularyPath = Path.Combine(directory, "vocab.txt"),
            LowerCase = true,
            MaxTokens = 128,
            Pooling = Pooling.Cls,
            QueryPrefix = "Represent this sentence for searching relevant passages: ",
        };
    }

    /// <summary>Where the build puts the model (build/ArcticXsModel.targets).</summary>
    public static string ArcticXsDirectory => Path.Combine(AppContext.BaseDirectory, "models", "arctic-xs");

    public bool FilesExist => File.Exists(ModelPath) && File.Exists(VocabularyPath);
}
