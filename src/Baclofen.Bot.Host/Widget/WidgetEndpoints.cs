namespace Baclofen.Bot.Host.Widget;

/// <summary>Maps the widget's token endpoint, its files and the demo page at "/".</summary>
public static class WidgetEndpoints
{
    /// <param name="rateLimitPolicy">A rate-limiting policy for the token endpoint (each call makes a conversation, or costs an Azure call).</param>
    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder endpoints, string? rateLimitPolicy = null)
    {
        var token = endpoints.MapPost(WidgetTokenEndpoint.Path, WidgetTokenEndpoint.IssueAsync).AddEndpointFilter(WidgetHeaders.ApiFilter);
        if (rateLimitPolicy is not null)
        {
            token.RequireRateLimiting(rateLimitPolicy);
        }

        endpoints.MapMethods(WidgetTokenEndpoint.Path, [HttpMethods.Options], WidgetCors.Preflight).AddEndpointFilter(WidgetHeaders.ApiFilter);
        foreach (var asset in WidgetStaticFiles.Assets)
        {
            endpoints.MapMethods(asset.RequestPath, [HttpMethods.Get, HttpMethods.Head], (HttpContext context, WidgetStaticFiles files) => files.Serve(context, asset));
        }

        return endpoints;
    }
}
