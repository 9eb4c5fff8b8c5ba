using System.Text.Json;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Baclofen.Bot.Protocol.Adapter;

/// <summary>
/// Turns an HTTP request into a validated activity, or into the 4xx that says what is wrong
/// with it. Everything a client can get wrong ends here as a <see cref="ProtocolError"/>, so
/// a bad request never reaches the bot and never becomes a 500.
/// </summary>
public static class ActivityRequestReader
{
    public static async Task<(Activity? Activity, ProtocolError? Error)> ReadAsync(HttpRequest request, int maxBodyBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (!IsJson(request.ContentType))
        {
            return (null, ProtocolError.UnsupportedMediaType(request.ContentType));
        }

        // Refuse a declared oversize body before reading a byte of it.
        if (request.ContentLength > maxBodyBytes)
        {
            return (null, ProtocolError.TooLarge(maxBodyBytes));
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(request.Body, maxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // The server's own limit (Kestrel's MaxRequestBodySize) or a broken chunked encoding.
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ProtocolError.TooLarge(maxBodyBytes)
                : ProtocolError.MalformedJson("the request body could not be read."));
        }

        if (body is null)
        {
            return (null, ProtocolError.TooLarge(maxBodyBytes));
        }

        if (body.Length == 0)
        {
            return (null, ProtocolError.EmptyBody());
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            // JsonException's own message can quote the payload; keep to where it broke.
            var where = ex.Path is { Length: > 0 } path ? $"JSON error at {path}" : "malformed JSON";
            return (null, ProtocolError.MalformedJson($"{where} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));
        }

        if (activity is null)
        {
            return (null, ProtocolError.MalformedJson("the body is JSON null."));
        }

        return (activity, Validate(activity));
    }

    /// <summary>
    /// The members without which no reply can be addressed. serviceUrl is optional for
    /// expectReplies because the replies go back in the HTTP response, not to a connector.
    /// </summary>
    public static ProtocolError? Validate(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return ProtocolError.MissingProperty("type");
        }

        if (activity.Conversation is null)
        {
            return ProtocolError.MissingProperty("conversation");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation.Id))
        {
            return ProtocolError.MissingProperty("conversation.id");
        }

        var expectsReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return expectsReplies ? null : ProtocolError.MissingProperty("serviceUrl");
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps))
        {
            return ProtocolError.InvalidServiceUrl();
        }

        return null;
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.MediaType.HasValue)
        {
            return false;
        }

        var value = mediaType.MediaType.Value;
        return value.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (value.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && value.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The whole body, or null as soon as it passes the limit (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int maxBodyBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
