using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Baclofen.Bot.Host.Widget;

/// <summary>
/// The widget's files, served from a fixed list (no directory browsing, no path from the
/// request ever reaches the file system): the demo page, widget.js and its CSS, and Web Chat's
/// bundle copied from npm at build time.
/// </summary>
public sealed class WidgetStaticFiles(IOptions<WidgetOptions> options)
{
    public sealed record Asset(string RequestPath, string File, string ContentType, bool IsPage, bool LongCache);

    public static readonly IReadOnlyList<Asset> Assets =
    [
        new("/", "index.html", "text/html; charset=utf-8", IsPage: true, LongCache: false),
        new("/clinic.css", "clinic.css", "text/css; charset=utf-8", IsPage: false, LongCache: false),
        new("/widget.js", "widget.js", "text/javascript; charset=utf-8", IsPage: false, LongCache: false),
        new("/widget.css", "widget.css", "text/css; charset=utf-8", IsPage: false, LongCache: false),
        new("/favicon.svg", "favicon.svg", "image/svg+xml", IsPage: false, LongCache: false),
        new("/webchat/webchat.js", "webchat/webchat.js", "text/javascript; charset=utf-8", IsPage: false, LongCache: true),
    ];

    public string Root => options.Value.StaticPath is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(AppContext.BaseDirectory, "widget");

    public IResult Serve(HttpContext context, Asset asset)
    {
        var file = new FileInfo(Path.Combine(Root, asset.File));
        if (!file.Exists)
        {
            return Results.NotFound();
        }

        if (asset.IsPage)
        {
            WidgetHeaders.ForPage(context);
        }
        else
        {
            WidgetHeaders.ForEmbeddableAsset(context);
        }

        // widget.js is revalidated so clinics get fixes at once; the large Web Chat bundle is versioned by its query string.
        context.Response.Headers.CacheControl = asset.LongCache ? "public, max-age=86400" : "no-cache";
        var etag = new EntityTagHeaderValue($"\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}\"");
        return Results.File(file.FullName, asset.ContentType, lastModified: file.LastWriteTimeUtc, entityTag: etag);
    }
}
