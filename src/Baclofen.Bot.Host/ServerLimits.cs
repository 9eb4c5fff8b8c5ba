using Baclofen.Bot.Protocol;

namespace Baclofen.Bot.Host;

/// <summary>Limits the server itself enforces, whatever endpoint a request is for.</summary>
public static class ServerLimits
{
    /// <summary>Seconds in-flight turns get to finish when the host stops, before they are abandoned.</summary>
    public const string ShutdownTimeoutKey = "Bot:ShutdownTimeoutSeconds";

    public const int DefaultShutdownTimeoutSeconds = 30;

    public static void Apply(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var bot = builder.Configuration.GetSection(BotProtocolOptions.SectionName).Get<BotProtocolOptions>() ?? new BotProtocolOptions();

        // Kestrel refuses oversize bodies on every endpoint, not only where the adapter checks;
        // the adapter still answers /api/messages with its own JSON 413 first.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = bot.MaxRequestBodyBytes);

        var shutdownSeconds = builder.Configuration.GetValue(ShutdownTimeoutKey, DefaultShutdownTimeoutSeconds);
        if (shutdownSeconds < 0)
        {
            throw new InvalidOperationException($"{ShutdownTimeoutKey} must not be negative.");
        }

        // On SIGTERM Kestrel stops accepting connections at once, then waits this long for
        // requests in flight, so a patient's question being answered still gets its reply.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(shutdownSeconds));
    }
}
