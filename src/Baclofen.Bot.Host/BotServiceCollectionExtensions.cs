using Baclofen.Bot.Protocol.Builder;

namespace Baclofen.Bot.Host;

/// <summary>
/// The one place that decides which bot answers /api/messages. Interim: the FaqBot on its
/// own; the composition root that wires the FAQ and safety layers replaces this.
/// </summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddFaqBot(this IServiceCollection services)
    {
        services.AddSingleton<IBot, FaqBot>();
        return services;
    }
}
