using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.Widget;

/// <summary>
/// Security headers. The demo page gets a strict Content-Security-Policy: scripts only from
/// this origin and never inline, connections only to this origin (or the configured Azure
/// Direct Line). Web Chat injects its styles at run time (emotion) and sets style attributes,
/// hence style-src 'unsafe-inline'; its icons and avatars use data: and blob: images.
/// </summary>
public static class WidgetHeaders
{
    public static async ValueTask<object?> ApiFilter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        WidgetCors.Apply(context);
        return await next(invocation);
    }

    public static void ForPage(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<WidgetOptions>>().Value;
        var connect = options.DirectLine.Enabled ? "'self' " + new Uri(options.DirectLine.BaseUrl).GetLeftPart(UriPartial.Authority) : "'self'";
        var ancestors = string.Join(' ', new[] { "'self'" }.Concat(options.FrameAncestors.Select(a => a.Trim()).Where(a => a.Length > 0)));
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            $"font-src 'self' data:; media-src 'self' data: blob:; connect-src {connect}; object-src 'none'; " +
            $"base-uri 'none'; form-action 'self'; frame-ancestors {ancestors}";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    /// <summary>Scripts and styles that clinic sites load from here: embeddable from any origin, never sniffed.</summary>
    public static void ForEmbeddableAsset(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
