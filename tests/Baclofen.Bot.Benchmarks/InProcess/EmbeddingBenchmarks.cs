using BenchmarkDotNet.Attributes;
using Baclofen.Bot.Embeddings;

namespace Baclofen.Bot.Benchmarks.InProcess;

/// <summary>
/// The sentence model on one message, one intra-op thread (issue 19 expects 5-8 ms on one core),
/// and the cache hit that repeated messages cost instead. RSS after loading: the model-memory command.
/// </summary>
[MemoryDiagnoser]
public class EmbeddingBenchmarks
{
    private readonly OnnxSentenceEncoder _encoder = new(SentenceEncoderOptions.ArcticXs(ModelFiles.ArcticXs));
    private readonly float[] _vector = new float[384];
    private CachingSentenceEncoder _cached = null!;

    [Params("question", "emergency", "veiled")]
    public string Kind { get; set; } = "question";

    [GlobalSetup]
    public void Setup()
    {
        _cached = new CachingSentenceEncoder(_encoder, new EmbeddingCache(1024));
        _cached.EncodeQuery(Messages.For(Kind), _vector);
    }

    [Benchmark(Baseline = true)]
    public float EncodeQuery()
    {
        _encoder.EncodeQuery(Messages.For(Kind), _vector);
        return _vector[0];
    }

    [Benchmark]
    public float CacheHit()
    {
        _cached.EncodeQuery(Messages.For(Kind), _vector);
        return _vector[0];
    }
}

/// <summary>Where the build put the model: beside this assembly, else the encoder project's output.</summary>
internal static class ModelFiles
{
    public static string ArcticXs { get; } = File.Exists(Path.Combine(SentenceEncoderOptions.ArcticXsDirectory, "model.onnx"))
        ? SentenceEncoderOptions.ArcticXsDirectory
        : Path.Combine(RepositoryPaths.Root, "src", "Baclofen.Bot.Embeddings", "bin", "Release", "net10.0", "models", "arctic-xs");
}
