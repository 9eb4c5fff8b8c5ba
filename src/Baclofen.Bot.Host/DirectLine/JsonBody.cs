using Baclofen.Bot.Protocol.Adapter;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Reads a JSON request body with a hard size limit and checks it against the activity shape limits
/// (<see cref="ActivityJsonScanner"/>) before anything is built from it, turning every way it can be
/// wrong into a 4xx result rather than an exception.
/// </summary>
public static class JsonBody
{
    /// <returns>The body's bytes, one JSON object within <paramref name="limits"/>; null with no error
    /// when an optional body is absent.</returns>
    public static async Task<(byte[]? Body, IResult? Error)> ReadAsync(HttpRequest request, int maxBytes, ActivityLimits limits, bool required, CancellationToken cancellationToken)
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

        var body = buffer.ToArray();
        if (ActivityJsonScanner.Check(body, limits) is { } problem)
        {
            // The scanner's message names the limit or where the JSON broke, never the content.
            return (null, problem.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? DirectLineError.Result(StatusCodes.Status413PayloadTooLarge, "TooLarge", problem.Message)
                : DirectLineError.BadArgument(problem.Message));
        }

        return (body, null);
    }

    private static IResult TooLarge(int maxBytes) =>
        DirectLineError.Result(StatusCodes.Status413PayloadTooLarge, "TooLarge", $"The body is larger than {maxBytes} bytes.");
}
