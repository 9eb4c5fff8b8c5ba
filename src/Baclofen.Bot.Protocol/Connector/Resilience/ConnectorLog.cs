using System.Net;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Protocol.Connector.Resilience;

/// <summary>The one log line for a reply that could not be delivered after retries: the conversation id and
/// what went wrong, never the reply text or any token.</summary>
public static partial class ConnectorLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Reply to conversation {ConversationId} failed: {Status}.")]
    public static partial void ReplyFailed(ILogger logger, string? conversationId, HttpStatusCode status);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Reply to conversation {ConversationId} failed: {Reason}.")]
    public static partial void ReplyFailed(ILogger logger, string? conversationId, string reason);
}
