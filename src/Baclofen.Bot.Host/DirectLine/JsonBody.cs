using System.Text.Json;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Reads a JSON request body with a hard size limit, turning every way it can be wrong into a
/// 4xx result rather than an exception.
/// </summary>
public static class JsonBody
{
    public static async Task<(JsonDocument? Document, IResult? Error)> ReadAsync(HttpRequest request, int maxBytes, bool required, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, DirectLineError.Result(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The body must be application/json."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return required ? (null, DirectLineError.BadArgument("A JSON body is required.")) : (null, null);
        }

        try
        {
            var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, DirectLineError.BadArgument("The body must be a JSON object."));
            }

            return (document, null);
        }
        catch (JsonException)
        {
            return (null, DirectLineError.BadArgument("The body is not valid JSON."));
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        DirectLineError.Result(StatusCodes.Status413PayloadTooLarge, "TooLarge", $"The body is larger than {maxBytes} bytes.");
}
