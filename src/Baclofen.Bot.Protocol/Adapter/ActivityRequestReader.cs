using System.Buffers;
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
    /// <summary>Reads with the default <see cref="ActivityLimits"/>.</summary>
    public static Task<(Activity? Activity, ProtocolError? Error)> ReadAsync(HttpRequest request, int maxBodyBytes, CancellationToken cancellationToken) =>
        ReadAsync(request, maxBodyBytes, new ActivityLimits(), cancellationToken);

    public static async Task<(Activity? Activity, ProtocolError? Error)> ReadAsync(HttpRequest request, int maxBodyBytes, ActivityLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);

        if (!IsJson(request.ContentType))
        {
            return (null, ProtocolError.UnsupportedMediaType(request.ContentType));
        }

        // Refuse a declared oversize body before reading a byte of it.
        if (request.ContentLength > maxBodyBytes)
        {
            return (null, ProtocolError.TooLarge(maxBodyBytes));
        }

        // The body goes into one pooled buffer and is deserialized from there: no chunk array,
        // MemoryStream and final copy per request. Everything the activity keeps (strings,
        // JsonElement and JsonNode members) is copied out of the buffer by the deserializer.
        PooledBody body;
        try
        {
            body = await ReadBodyAsync(request.Body, request.ContentLength, maxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // The server's own limit (Kestrel's MaxRequestBodySize) or a broken chunked encoding.
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ProtocolError.TooLarge(maxBodyBytes)
                : ProtocolError.MalformedJson("the request body could not be read."));
        }

        Activity? activity;
        using (body)
        {
            if (body.TooLarge)
            {
                return (null, ProtocolError.TooLarge(maxBodyBytes));
            }

            if (body.Length == 0)
            {
                return (null, ProtocolError.EmptyBody());
            }

            // Checked before a single object is built: what arrives within the byte limit can still
            // be tens of thousands of tiny objects, each costing far more memory than its bytes.
            if (ActivityJsonScanner.Check(body.Span, limits) is { } tooMuch)
            {
                return (null, tooMuch);
            }

            try
            {
                activity = JsonSerializer.Deserialize<Activity>(body.Span, ProtocolJson.Options);
            }
            catch (JsonException ex)
            {
                // JsonException's own message can quote the payload; keep to where it broke.
                var where = ex.Path is { Length: > 0 } path ? $"JSON error at {path}" : "malformed JSON";
                return (null, ProtocolError.MalformedJson($"{where} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));
            }
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

    /// <summary>The whole body in a pooled buffer, or <see cref="PooledBody.TooLarge"/> as soon as it
    /// passes the limit (chunked bodies have no Content-Length).</summary>
    private static async Task<PooledBody> ReadBodyAsync(Stream body, long? contentLength, int maxBodyBytes, CancellationToken cancellationToken)
    {
        // Sized by Content-Length when there is one (one read loop, no growth); +1 so a body
        // longer than it declared is still noticed against the limit.
        var initial = contentLength is > 0 and var declared && declared < maxBodyBytes ? (int)declared + 1 : 4096;
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledBody(buffer, length, TooLarge: false);
                }

                length += read;
                if (length > maxBodyBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return new PooledBody(null, 0, TooLarge: true);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private readonly record struct PooledBody(byte[]? Buffer, int Length, bool TooLarge) : IDisposable
    {
        public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

        public void Dispose()
        {
            if (Buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(Buffer);
            }
        }
    }
}
