namespace Baclofen.Bot.Host.Widget;

/// <summary>
/// CORS for the token and Direct Line endpoints, done here rather than with UseCors so the
/// endpoints carry their own policy whatever middleware Program.cs sets up. No credentials:
/// the browser authenticates with a bearer token, never a cookie.
/// </summary>
public static class WidgetCors
{
    private const string AllowedHeaders = "authorization, content-type, accept, x-ms-bot-agent, x-requested-with, cache-control, pragma";

    /// <summary>Adds Access-Control-Allow-Origin for an allowed origin; returns false for a cross-origin request from anywhere else.</summary>
    public static bool Apply(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        context.Response.Headers.Vary = "Origin";
        if (origin.Length == 0)
        {
            return true;
        }

        if (!context.RequestServices.GetRequiredService<WidgetOrigins>().IsAllowed(context, origin))
        {
            return false;
        }

        context.Response.Headers.AccessControlAllowOrigin = origin;
        return true;
    }

    public static IResult Preflight(HttpContext context)
    {
        if (Apply(context) && context.Request.Headers.Origin.Count > 0)
        {
            context.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
            context.Response.Headers.AccessControlAllowHeaders = AllowedHeaders;
            context.Response.Headers.AccessControlMaxAge = "600";
        }

        return Results.NoContent();
    }
}
