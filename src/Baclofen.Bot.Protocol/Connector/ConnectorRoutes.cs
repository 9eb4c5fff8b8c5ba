namespace Baclofen.Bot.Protocol.Connector;

/// <summary>The Connector REST API (v3) addresses a bot posts its activities to.</summary>
public static class ConnectorRoutes
{
    /// <summary>
    /// ReplyToActivity (<c>POST /v3/conversations/{conversationId}/activities/{activityId}</c>) when
    /// there is an activity to reply to, otherwise SendToConversation
    /// (<c>POST /v3/conversations/{conversationId}/activities</c>). Ids are escaped as path
    /// segments because channels put reserved characters in them (a Teams channel thread id
    /// contains <c>;messageid=</c>). The serviceUrl may carry a path (the Playground's
    /// <c>/_connector</c>) with or without a trailing slash.
    /// </summary>
    public static Uri Activities(Uri serviceUrl, string conversationId, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);

        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        var baseText = serviceUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        return new Uri(new Uri(baseText, UriKind.Absolute), path);
    }
}
