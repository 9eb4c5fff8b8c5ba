using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.Widget;

/// <summary>
/// Which web origins may use the widget's endpoints from a browser: the bot's own origin
/// always, plus Widget:AllowedOrigins (the clinic sites that embed it).
/// </summary>
public sealed class WidgetOrigins(IOptionsMonitor<WidgetOptions> options)
{
    public bool IsAllowed(HttpContext context, string origin)
    {
        if (string.Equals(origin, OwnOrigin(context), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var allowed in options.CurrentValue.AllowedOrigins)
        {
            var normalised = allowed.Trim().TrimEnd('/');
            if (normalised == "*" || string.Equals(normalised, origin, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static string OwnOrigin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";
}
