using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>One call for the host: binds <see cref="BotAuthenticationOptions"/> from the ROOT configuration
/// (so <c>MicrosoftAppId</c> and friends are root keys and environment variables), validates them at start-up,
/// and registers the authenticator, the token provider, the trusted service URLs and the two handlers.</summary>
public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient used for OpenID metadata and JWKS requests (MSAL has its own, <see cref="MsalHttpClientFactory"/>).</summary>
    public const string IdentityHttpClientName = "Baclofen.Bot.Identity";

    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>());

        services.AddHttpClient(IdentityHttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new TrustedServiceUrls(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new BotFrameworkAuthenticator(
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(IdentityHttpClientName),
            sp.GetRequiredService<TrustedServiceUrls>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new MsalHttpClientFactory(sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value));
        services.AddSingleton<IBotTokenProvider>(sp => new MsalTokenProvider(
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value,
            sp.GetRequiredService<MsalHttpClientFactory>(),
            sp.GetRequiredService<ILogger<MsalTokenProvider>>()));
        services.AddTransient(sp => new ConnectorAuthorizationHandler(
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.Mode,
            sp.GetRequiredService<IBotTokenProvider>(),
            sp.GetRequiredService<TrustedServiceUrls>()));
        return services;
    }
}
