using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Authentication;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Connector;
using Baclofen.Bot.Protocol.Connector.Resilience;
using Baclofen.Bot.Protocol.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol;

public static class BotProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol layer: options from configuration, Bot Framework authentication,
    /// the connector client with its retry and token handlers, the adapter and the typing
    /// middleware. The bot itself (<see cref="IBot"/>) is the caller's. Single registrations use
    /// TryAdd, so a test or a later layer can register its own first.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotProtocolOptions>()
            .Bind(configuration.GetSection(BotProtocolOptions.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0, "Bot:MaxRequestBodyBytes must be positive.")
            .Validate(o => o.Limits.Validate() is null, "Bot:Limits:MaxListItems, MaxStringBytes, MaxDepth and MaxTokens must be positive.")
            .ValidateOnStart();

        services.AddBotFrameworkAuthentication(configuration);
        services.AddOptions<ConnectorRetryOptions>()
            .Bind(configuration.GetSection(ConnectorRetryOptions.SectionName))
            .Validate(o => o.MaxRetryAttempts >= 0 && o.BaseDelay >= TimeSpan.Zero, "Bot:ConnectorRetry needs MaxRetryAttempts >= 0 and a non-negative BaseDelay.")
            .ValidateOnStart();

        // The one path for the bot's token: retries outermost, so every attempt asks the
        // authorization handler for a current token and passes the trusted-URL check again.
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(100))
            .AddConnectorRetries()
            .AddHttpMessageHandler<ConnectorAuthorizationHandler>();
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMiddleware, ShowTypingMiddleware>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RequestRefusals(sp.GetRequiredService<ILoggerFactory>().CreateLogger<RequestRefusals>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CloudAdapter>();
        return services;
    }
}
