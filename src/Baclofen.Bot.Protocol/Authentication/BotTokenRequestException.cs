using System.Net;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>The token endpoint refused the bot's client credentials, answered something unreadable, or could
/// not be reached. The message carries the status and the identity provider's error code, never the secret,
/// the token or the response body.</summary>
public sealed class BotTokenRequestException(string message, HttpStatusCode? statusCode = null, string? error = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>The OAuth <c>error</c> code (for example <c>invalid_client</c>) when the endpoint sent one.</summary>
    public string? Error { get; } = error;
}
