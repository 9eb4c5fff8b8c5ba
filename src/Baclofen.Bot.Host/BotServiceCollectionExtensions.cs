using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Protocol.Builder;

namespace Baclofen.Bot.Host;

/// <summary>The one place that decides which bot answers /api/messages.</summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddFaqBot(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(_ => BotComposition.LoadCatalog(configuration, contentRoot));
        services.AddSingleton(sp => BotComposition.CreatePipeline(configuration, sp.GetRequiredService<FaqCatalog>()));
        services.AddSingleton<IBot, FaqBot>();
        return services;
    }

    /// <summary>
    /// Builds the FAQ index before the first request: a bad faq/ edit stops start-up with the
    /// file and line instead of failing the first patient who asks.
    /// </summary>
    public static void WarmUpFaqBot(this IServiceProvider services) => services.GetRequiredService<TurnPipeline>();
}
