namespace Baclofen.Bot.Protocol.Teams;

/// <summary>
/// Relative paths of the Bot Connector REST API (v3). A Teams channel thread's conversation
/// id is <c>19:...;messageid=...</c>: it must be sent whole (the messageid is what puts the
/// reply in the thread) and escaped as one path segment, or ';' and '=' break the route.
/// </summary>
/// <remarks>
/// The connector client lives in the protocol/host branch; this is the pure part of it so
/// the thread rule is testable here. The team lead reconciles the two when integrating.
/// </remarks>
public static class ConnectorPaths
{
    public static string SendToConversation(string conversationId) =>
        $"/v3/conversations/{Segment(conversationId, nameof(conversationId))}/activities";

    public static string ReplyToActivity(string conversationId, string activityId) =>
        $"/v3/conversations/{Segment(conversationId, nameof(conversationId))}/activities/{Segment(activityId, nameof(activityId))}";

    private static string Segment(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return Uri.EscapeDataString(value);
    }
}
