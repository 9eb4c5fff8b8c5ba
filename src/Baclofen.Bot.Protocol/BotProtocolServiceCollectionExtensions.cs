using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Connector;
using Baclofen.Bot.Protocol.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol;

public static class BotProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol layer: options from configuration, the connector client, the
    /// adapter and the typing middleware. The bot itself (<see cref="IBot"/>) is the caller's.
    /// Each registration uses TryAdd, so a test or a later layer can register its own first.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotProtocolOptions>()
            .Bind(configuration.GetSection(BotProtocolOptions.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0, "Bot:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();

        // The credential keys sit at the top level of configuration, as in Bot Framework samples.
        // The credential keys sit at the top level of configuration, as in Bot Framework samples.
        services.AddOptions<BotCredentialsOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotCredentialsOptions>, CredentialsHaveTokenProvider>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<IAccessTokenProvider, AnonymousAccessTokenProvider>();
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMiddleware, ShowTypingMiddleware>());
        services.TryAddSingleton<CloudAdapter>();
        return services;
    }
}
