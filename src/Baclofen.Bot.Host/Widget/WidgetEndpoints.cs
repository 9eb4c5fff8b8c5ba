namespace Baclofen.Bot.Host.Widget;

/// <summary>Maps the widget's token endpoint, its files and the demo page at "/".</summary>
public static class WidgetEndpoints
{
    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(WidgetTokenEndpoint.Path, WidgetTokenEndpoint.IssueAsync).AddEndpointFilter(WidgetHeaders.ApiFilter);
        endpoints.MapMethods(WidgetTokenEndpoint.Path, [HttpMethods.Options], WidgetCors.Preflight).AddEndpointFilter(WidgetHeaders.ApiFilter);
        foreach (var asset in WidgetStaticFiles.Assets)
        {
            endpoints.MapMethods(asset.RequestPath, [HttpMethods.Get, HttpMethods.Head], (HttpContext context, WidgetStaticFiles files) => files.Serve(context, asset));
        }

        return endpoints;
    }
}
