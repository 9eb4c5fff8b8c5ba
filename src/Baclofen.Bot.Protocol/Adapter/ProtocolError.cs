using System.Text.Json.Serialization;

namespace Baclofen.Bot.Protocol.Adapter;

/// <summary>
/// Why a request to the messaging endpoint was refused, in the Connector API's ErrorResponse
/// shape (<c>{"error": {"code": ..., "message": ...}}</c>) so channel tooling shows it as-is.
/// </summary>
public sealed record ProtocolError(int StatusCode, string Code, string Message)
{
    public ErrorResponse ToResponse() => new(new ErrorBody(Code, Message));

    public static ProtocolError UnsupportedMediaType(string? contentType) => new(
        415,
        "UnsupportedMediaType",
        contentType is null
            ? "The request has no Content-Type; send the activity as application/json."
            : "Content-Type must be application/json.");

    public static ProtocolError TooLarge(int limitBytes) => new(
        413, "RequestTooLarge", $"The request body is larger than the {limitBytes} bytes this endpoint accepts.");

    /// <summary>More JSON tokens than <see cref="ActivityLimits.MaxTokens"/>: a size limit, so 413 like the byte limit.</summary>
    public static ProtocolError TooComplex(int maxTokens) => new(
        413, "RequestTooLarge", $"The request body has more than the {maxTokens} JSON values this endpoint accepts.");

    /// <summary>A shape limit of <see cref="ActivityLimits"/>; <paramref name="what"/> names the limit, never the content.</summary>
    public static ProtocolError LimitExceeded(string what, long bytePosition) => new(
        400, "BadArgument", $"The activity exceeds a limit: {what} (at byte {bytePosition + 1}).");

    public static ProtocolError EmptyBody() => new(400, "BadSyntax", "The request body is empty; it must be one activity as JSON.");

    public static ProtocolError MalformedJson(string detail) => new(400, "BadSyntax", $"The request body is not a valid activity: {detail}");

    public static ProtocolError MissingProperty(string property) => new(400, "MissingProperty", $"The activity has no '{property}'.");

    public static ProtocolError InvalidServiceUrl() => new(
        400, "BadArgument", "The activity's 'serviceUrl' must be an absolute http or https URL.");
}

public sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorBody Error);

public sealed record ErrorBody(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
