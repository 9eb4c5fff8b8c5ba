using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Recording;
using Baclofen.Bot.Reload;
using Baclofen.Bot.Safety;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.SmallTalk;
using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot;

/// <summary>
/// Builds the turn pipeline from configuration. The host and the evaluation command both
/// come through here, so what is evaluated is exactly what is served.
/// </summary>
public static class BotComposition
{
    /// <summary>Loads and validates faq/ (throws <see cref="FaqValidationException"/> rather than serve a partial FAQ).</summary>
    public static FaqCatalog LoadCatalog(IConfiguration configuration, string contentRoot) =>
        FaqLoader.Load(FaqFolder(configuration, contentRoot));

    /// <summary>The curated content folder, <c>Faq:Path</c> resolved against the content root.</summary>
    public static string FaqFolder(IConfiguration configuration, string contentRoot) =>
        Resolve(configuration["Faq:Path"] ?? "faq", contentRoot);

    /// <summary>
    /// Loads faq/ and builds everything served from it. The reload path calls this again for each
    /// edit, so a reloaded FAQ is indexed exactly as the one loaded at start-up.
    /// </summary>
    /// <param name="retriever">Builds the retriever for a catalog; by default the one configuration describes.</param>
    public static FaqKnowledge CreateKnowledge(IConfiguration configuration, string contentRoot, Func<FaqCatalog, IFaqRetriever>? retriever = null)
    {
        var catalog = LoadCatalog(configuration, contentRoot);
        var built = retriever?.Invoke(catalog) ?? CreateRetriever(configuration, catalog);
        return new FaqKnowledge(catalog, CreatePipeline(configuration, catalog, built));
    }

    public static FaqRetriever CreateRetriever(IConfiguration configuration, FaqCatalog catalog) =>
        new(catalog, configuration.GetSection(RetrievalOptions.SectionName).Get<RetrievalOptions>() ?? new RetrievalOptions());

    /// <param name="retriever">The retriever to use; by default the one configuration describes.</param>
    public static TurnPipeline CreatePipeline(IConfiguration configuration, FaqCatalog catalog, IFaqRetriever? retriever = null)
    {
        var safety = configuration.GetSection(SafetyOptions.SectionName).Get<SafetyOptions>() ?? new SafetyOptions();
        var options = new PipelineOptions
        {
            EmergencyResponse = safety.EmergencyResponse,
            MaxMessageLength = configuration.GetValue("Bot:MaxMessageLength", 2000),
            ShowSources = configuration.GetValue("Faq:ShowSources", true),
            AskFeedback = configuration.GetValue("Bot:Feedback:Enabled", true),
        };

        return new TurnPipeline(new SafetyGate(safety), retriever ?? CreateRetriever(configuration, catalog), catalog, new SmallTalkRecognizer(), options);
    }

    /// <summary>Where feedback counts go: feedback.json in Bot:Feedback:Folder, or memory when no folder is set.</summary>
    public static IFeedbackStore CreateFeedbackStore(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(FeedbackOptions.SectionName).Get<FeedbackOptions>() ?? new FeedbackOptions();
        return string.IsNullOrWhiteSpace(options.Folder)
            ? new InMemoryFeedbackStore()
            : new JsonFileFeedbackStore(Resolve(options.Folder, contentRoot));
    }

    /// <summary>The unanswered-questions log: unanswered.jsonl in Bot:UnansweredLog:Folder when enabled, otherwise nothing.</summary>
    public static IUnansweredLog CreateUnansweredLog(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(UnansweredLogOptions.SectionName).Get<UnansweredLogOptions>() ?? new UnansweredLogOptions();
        return options.Enabled && !string.IsNullOrWhiteSpace(options.Folder)
            ? new JsonLinesUnansweredLog(Resolve(options.Folder, contentRoot))
            : new NoUnansweredLog();
    }

    private static string Resolve(string path, string contentRoot) =>
        Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
}
