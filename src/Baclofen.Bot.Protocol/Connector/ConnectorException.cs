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
}
