using System.Net;

namespace Baclofen.Bot.Protocol.Connector;

/// <summary>A channel's connector refused or failed an activity the bot sent.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(string message, string conversationId, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        ConversationId = conversationId;
        StatusCode = statusCode;
    }

    public string ConversationId { get; }

    /// <summary>The connector's status code, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Why no response arrived, safe to log (an exception type name, never a URL, token or text).</summary>
    public string Reason => StatusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : InnerException?.GetType().Name ?? "unknown";
}
