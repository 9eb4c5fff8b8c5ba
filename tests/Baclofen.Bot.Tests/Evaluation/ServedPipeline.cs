using Baclofen.Bot.Eval.Evaluation;
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
        return (Evaluator.Create(configuration, AppContext.BaseDirectory), Path.Combine(RepositoryRoot.Find(), "tests", "eval"));
    }
}
