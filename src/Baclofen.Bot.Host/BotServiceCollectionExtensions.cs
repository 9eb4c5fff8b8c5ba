using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.State;
using Baclofen.Bot.Recording;
using Baclofen.Bot.Redis;
using Baclofen.Bot.Reload;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Baclofen.Bot.Host;

/// <summary>The one place that decides which bot answers /api/messages.</summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddFaqBot(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // What is served is a swappable snapshot (faq/ reloads on edit); FaqCatalog and TurnPipeline
        // resolve to the version current at the time they are asked for.
        services.TryAddSingleton<Func<FaqCatalog, IFaqRetriever>>(_ => catalog => BotComposition.CreateRetriever(configuration, catalog));
        services.AddSingleton(sp =>
        {
            var retriever = sp.GetRequiredService<Func<FaqCatalog, IFaqRetriever>>();
            var logger = sp.GetRequiredService<ILogger<FaqKnowledgeProvider>>();
            return new FaqKnowledgeProvider(() => BotComposition.CreateKnowledge(configuration, contentRoot, retriever), logger);
        });
        services.AddTransient(sp => sp.GetRequiredService<FaqKnowledgeProvider>().Current.Catalog);
        services.AddTransient(sp => sp.GetRequiredService<FaqKnowledgeProvider>().Current.Pipeline);
        if (configuration.GetValue(FaqReloadService.EnabledKey, true))
        {
            services.AddHostedService(sp => new FaqReloadService(
                BotComposition.FaqFolder(configuration, contentRoot),
                sp.GetRequiredService<FaqKnowledgeProvider>(),
                sp.GetRequiredService<ILogger<FaqReloadService>>()));
        }

        // Shared state when Storage:Redis is set; AddConversation's in-memory store is the fallback.
        // /healthz reports Redis (degraded while it is down) only when it is in use.
        services.AddBotHealthChecks(redis: services.AddRedisStorageIfConfigured(configuration));
        AddConversation(services, configuration, contentRoot);
        services.AddSingleton<IBot>(sp => new FaqBot(
            sp.GetRequiredService<FaqKnowledgeProvider>(),
            sp.GetRequiredService<ConversationState<ConversationMemory>>(),
            sp.GetRequiredService<TurnRecorder>(),
            sp.GetRequiredService<ILogger<FaqBot>>()));
        return services;
    }

    // State, feedback and the unanswered log use TryAdd so a test (or a later Redis store) can
    // register its own first.
    private static void AddConversation(IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<MemoryStorageOptions>().Bind(configuration.GetSection(MemoryStorageOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStorage, MemoryStorage>();
        // ConversationMemory is a record the pipeline replaces with `with` and never mutates, so an
        // in-memory store may hand the saved object back instead of a JSON round trip per turn.
        services.TryAddSingleton(sp => new ConversationState<ConversationMemory>(sp.GetRequiredService<IStorage>(), immutable: true));
        services.TryAddSingleton(_ => BotComposition.CreateFeedbackStore(configuration, contentRoot));
        services.TryAddSingleton(_ => BotComposition.CreateUnansweredLog(configuration, contentRoot));
        services.TryAddSingleton<TurnRecorder>();
    }

    /// <summary>
    /// Builds the FAQ index before the first request: a bad faq/ edit stops start-up with the
    /// file and line instead of failing the first patient who asks.
    /// </summary>
    public static void WarmUpFaqBot(this IServiceProvider services) => services.GetRequiredService<FaqKnowledgeProvider>();
}
