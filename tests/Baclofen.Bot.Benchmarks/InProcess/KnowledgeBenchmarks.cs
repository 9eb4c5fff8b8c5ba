using BenchmarkDotNet.Attributes;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;

namespace Baclofen.Bot.Benchmarks.InProcess;

/// <summary>Start-up cost (parse and validate faq/, build the index and classifier) and one retrieval.</summary>
[MemoryDiagnoser]
public class KnowledgeBenchmarks
{
    private FaqRetriever _retriever = null!;

    [Params("question", "unrelated")]
    public string Kind { get; set; } = "question";

    [GlobalSetup]
    public void Setup() => _retriever = new FaqRetriever(FaqLoader.Load(RepositoryPaths.Faq));

    [Benchmark]
    public FaqRetriever IndexBuild() => new(FaqLoader.Load(RepositoryPaths.Faq));

    [Benchmark]
    public RetrievalResult Retrieve() => _retriever.Retrieve(Messages.For(Kind));
}
