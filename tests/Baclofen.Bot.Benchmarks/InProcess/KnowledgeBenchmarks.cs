using BenchmarkDotNet.Attributes;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;

namespace Baclofen.Bot.Benchmarks.InProcess;

/// <summary>Start-up (and reload) cost: parse and validate faq/, build the index, train the classifier.</summary>
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    [Benchmark]
    public FaqRetriever IndexBuild() => new(FaqLoader.Load(RepositoryPaths.Faq));
}

/// <summary>One retrieval: a question the FAQ answers, and one it does not.</summary>
[MemoryDiagnoser]
public class RetrievalBenchmarks
{
    private FaqRetriever _retriever = null!;

    [Params("question", "unrelated")]
    public string Kind { get; set; } = "question";

    [GlobalSetup]
    public void Setup() => _retriever = new FaqRetriever(FaqLoader.Load(RepositoryPaths.Faq));

    [Benchmark]
    public RetrievalResult Retrieve() => _retriever.Retrieve(Messages.For(Kind));
}
