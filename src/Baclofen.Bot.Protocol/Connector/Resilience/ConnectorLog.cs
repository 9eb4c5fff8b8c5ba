using System.Net;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Protocol.Connector.Resilience;

/// <summary>Connector delivery log lines: the conversation id, status and delays, never the reply text or
/// any token.</summary>
public static partial class ConnectorLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Reply to conversation {ConversationId} failed: {Status}.")]
    public static partial void ReplyFailed(ILogger logger, string? conversationId, HttpStatusCode status);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Reply to conversation {ConversationId} failed: {Reason}.")]
    public static partial void ReplyFailed(ILogger logger, string? conversationId, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Connector request answered {Outcome}; retry {Retry} in {Delay}.")]
    public static partial void Retrying(ILogger logger, string? outcome, int retry, TimeSpan delay);
}
