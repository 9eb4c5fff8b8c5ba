using Baclofen.Bot.Eval.Evaluation;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot.Tests.Evaluation;

/// <summary>
/// The pipeline exactly as the host builds it: the repository's appsettings.json and faq/,
/// copied next to the test assembly, through <see cref="BotComposition"/>.
/// </summary>
internal static class ServedPipeline
{
    private static readonly Lazy<(Evaluator Evaluator, string EvalFolder)> Instance = new(Create);

    public static Evaluator Evaluator => Instance.Value.Evaluator;

    public static IReadOnlyList<EvalLine> Set(string name) => EvalSets.Read(Path.Combine(Instance.Value.EvalFolder, name));

    private static (Evaluator, string) Create()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .Build();
        var catalog = BotComposition.LoadCatalog(configuration, AppContext.BaseDirectory);
        var retriever = new FaqRetriever(catalog, configuration.GetSection(RetrievalOptions.SectionName).Get<RetrievalOptions>() ?? new RetrievalOptions());
        var evaluator = new Evaluator(BotComposition.CreatePipeline(configuration, catalog), query => retriever.Rank(query).Select(r => r.Entry.Id));
        return (evaluator, Path.Combine(RepositoryRoot(), "tests", "eval"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Baclofen.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Baclofen.Bot.sln not found above the test assembly.");
    }
}
