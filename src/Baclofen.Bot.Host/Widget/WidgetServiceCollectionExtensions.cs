using Baclofen.Bot.Host.DirectLine;
using Baclofen.Bot.Host.DirectLine.Redis;
using Baclofen.Bot.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.Widget;

public static class WidgetServiceCollectionExtensions
{
    /// <summary>
    /// The self-hosted Direct Line endpoint and the widget's services, configured from the
    /// "Widget" section. Turns go to the app's CloudAdapter and IBot unless an
    /// <see cref="IDirectLineBot"/> was registered before this call.
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddDirectLineCore(options => options.Bind(configuration.GetSection(WidgetOptions.Section)));
    }

    /// <summary>
    /// The same, bound from the app's IConfiguration when the options are first used: for
    /// callers that only have the service collection (BotApp.Build's configure callback).
    /// </summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services) =>
        services.AddDirectLineCore(options => options.BindConfiguration(WidgetOptions.Section));

    private static IServiceCollection AddDirectLineCore(this IServiceCollection services, Action<OptionsBuilder<WidgetOptions>> bind)
    {
        var options = services.AddOptions<WidgetOptions>();
        bind(options);
        options
            .Validate(o => o.TokenLifetimeMinutes > 0 && o.ConversationIdleMinutes > 0 && o.MaxActivitiesPerConversation > 0 && o.MaxConversations > 0 && o.MaxActivityBytes > 0 && o.MaxStoredMegabytes > 0 && o.MaxActivitiesPerGet > 0 && o.MaxBytesPerGet > 0, "Widget limits must be positive.")
            .Validate(o => o.MaxConversationsPerClient >= 0 && o.ConversationStartsPerMinute >= 0, "Widget per-client limits must be 0 (off) or positive.")
            .Validate(o => Uri.TryCreate(o.DirectLine.BaseUrl, UriKind.Absolute, out _), "Widget:DirectLine:BaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectLineBot, AdapterDirectLineBot>();
        // With Storage:Redis, every instance signs with one key kept in Redis unless a key is configured.
        services.AddSingleton(sp => TokenSigningKey.Create(sp.GetRequiredService<IOptions<WidgetOptions>>(), sp.GetService<RedisConnection>()));
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ConversationStartLimiter>();
        // Conversations go to Redis when Storage:Redis is set (AddFaqBot registers the connection), else stay in memory.
        services.TryAddSingleton<IConversationStore>(sp => sp.GetService<RedisConnection>() is { } redis
            ? new RedisConversationStore(redis, sp.GetRequiredService<IOptions<WidgetOptions>>())
            : sp.GetRequiredService<ConversationStore>());
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<WidgetOrigins>();
        services.AddSingleton<WidgetStaticFiles>();
        services.AddHostedService<ConversationSweeper>();
        services.AddHttpClient<AzureDirectLineTokenClient>(client => client.Timeout = TimeSpan.FromSeconds(15));
        return services;
    }
}
