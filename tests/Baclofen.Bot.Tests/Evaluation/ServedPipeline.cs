using Baclofen.Bot.Eval.Evaluation;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Pipeline;
using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot.Tests.Evaluation;

/// <summary>
/// The pipeline exactly as the host builds it: the repository's appsettings.json and faq/,
/// copied next to the test assembly, through <see cref="BotComposition"/>.
/// </summary>
internal static class ServedPipeline
{
    private sealed record Served(FaqCatalog Catalog, FaqRetriever Retriever, TurnPipeline Pipeline, Evaluator Evaluator, string EvalFolder);

    private static readonly Lazy<Served> Instance = new(Create);

    public static Evaluator Evaluator => Instance.Value.Evaluator;

    public static FaqCatalog Catalog => Instance.Value.Catalog;

    public static FaqRetriever Retriever => Instance.Value.Retriever;

    public static TurnPipeline Pipeline => Instance.Value.Pipeline;

    public static IReadOnlyList<EvalLine> Set(string name) => EvalSets.Read(Path.Combine(Instance.Value.EvalFolder, name));

    private static Served Create()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .Build();
        var catalog = BotComposition.LoadCatalog(configuration, AppContext.BaseDirectory);
        var retriever = BotComposition.CreateRetriever(configuration, catalog);
        var pipeline = BotComposition.CreatePipeline(configuration, catalog, retriever);
        var evaluator = new Evaluator(pipeline, query => retriever.Rank(query).Select(r => r.Entry.Id));
        return new Served(catalog, retriever, pipeline, evaluator, Path.Combine(RepositoryRoot.Find(), "tests", "eval"));
    }
}
