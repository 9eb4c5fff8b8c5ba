using Baclofen.Bot.Protocol;

namespace Baclofen.Bot.Host;

/// <summary>The start-up word on the anonymous mode (no MicrosoftAppId): local only, unless an operator opted out.</summary>
public static class AnonymousMode
{
    public static void WarnIfOpenToTheNetwork(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // From configuration, not the options: their validation belongs to start-up, which reports it properly.
        if (!string.IsNullOrWhiteSpace(app.Configuration["MicrosoftAppId"]))
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AnonymousMode));
        if (app.Configuration.GetValue<bool>(BotProtocolOptions.SectionName + ":" + nameof(BotProtocolOptions.AllowAnonymousFromNetwork)))
        {
            logger.LogWarning("Bot:AllowAnonymousFromNetwork is on and MicrosoftAppId is empty: anyone who can reach /api/messages runs turns without a token, and the bot posts replies to whatever serviceUrl they name. Set MicrosoftAppId and MicrosoftAppPassword for a deployed bot.");
        }
        else
        {
            logger.LogInformation("No MicrosoftAppId: local mode, /api/messages accepts anonymous requests from this machine only (the Emulator, Agents Playground); the widget's Direct Line works from anywhere.");
        }
    }
}
