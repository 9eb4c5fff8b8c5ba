using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Pipeline;
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
    public static FaqCatalog LoadCatalog(IConfiguration configuration, string contentRoot)
    {
        var path = configuration["Faq:Path"] ?? "faq";
        return FaqLoader.Load(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
    }

    public static TurnPipeline CreatePipeline(IConfiguration configuration, FaqCatalog catalog)
    {
        var safety = configuration.GetSection(SafetyOptions.SectionName).Get<SafetyOptions>() ?? new SafetyOptions();
        var retrieval = configuration.GetSection(RetrievalOptions.SectionName).Get<RetrievalOptions>() ?? new RetrievalOptions();
        var options = new PipelineOptions
        {
            EmergencyResponse = safety.EmergencyResponse,
            MaxMessageLength = configuration.GetValue("Bot:MaxMessageLength", 2000),
            ShowSources = configuration.GetValue("Faq:ShowSources", true),
        };

        return new TurnPipeline(new EmergencyDetector(safety), new FaqRetriever(catalog, retrieval), catalog, new SmallTalkRecognizer(), options);
    }
}
