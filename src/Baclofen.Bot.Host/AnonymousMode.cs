using Baclofen.Bot.Protocol;
using Baclofen.Bot.Protocol.Authentication;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host;

/// <summary>The start-up word on the anonymous mode (no MicrosoftAppId): local only, unless an operator opted out.</summary>
public static class AnonymousMode
{
    public static void WarnIfOpenToTheNetwork(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var authentication = app.Services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        if (authentication.IsAuthenticationEnabled)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AnonymousMode));
        if (app.Services.GetRequiredService<IOptions<BotProtocolOptions>>().Value.AllowAnonymousFromNetwork)
        {
            logger.LogWarning("Bot:AllowAnonymousFromNetwork is on and MicrosoftAppId is empty: anyone who can reach /api/messages runs turns without a token, and the bot posts replies to whatever serviceUrl they name. Set MicrosoftAppId and MicrosoftAppPassword for a deployed bot.");
        }
        else
        {
            logger.LogInformation("No MicrosoftAppId: local mode, /api/messages accepts anonymous requests from this machine only (the Emulator, Agents Playground); the widget's Direct Line works from anywhere.");
        }
    }
}
