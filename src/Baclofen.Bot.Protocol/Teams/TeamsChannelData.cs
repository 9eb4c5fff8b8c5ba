using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Teams;

/// <summary>
/// Read-only accessors for the Teams members of an activity's channelData. They read the
/// JsonObject in place instead of binding it to a type, so members we do not model (and
/// the reply contract's faqBot) are never dropped on a round trip.
/// </summary>
public static class TeamsChannelData
{
    public static string? GetTeamsTenantId(this Activity activity) =>
        StringAt(activity.ChannelData, "tenant", "id") ?? activity.Conversation?.TenantId;

    /// <summary>The team id; older payloads only carry the flat <c>teamsTeamId</c>.</summary>
    public static string? GetTeamsTeamId(this Activity activity) =>
        StringAt(activity.ChannelData, "team", "id") ?? StringAt(activity.ChannelData, "teamsTeamId");

    public static string? GetTeamsTeamName(this Activity activity) => StringAt(activity.ChannelData, "team", "name");

    /// <summary>The channel id; older payloads only carry the flat <c>teamsChannelId</c>.</summary>
    public static string? GetTeamsChannelId(this Activity activity) =>
        StringAt(activity.ChannelData, "channel", "id") ?? StringAt(activity.ChannelData, "teamsChannelId");

    /// <summary>E.g. <c>teamMemberAdded</c>, <c>teamRenamed</c>, <c>channelCreated</c>.</summary>
    public static string? GetTeamsEventType(this Activity activity) => StringAt(activity.ChannelData, "eventType");

    /// <summary>
    /// personal, groupChat or channel. Teams states it in conversation.conversationType; when a
    /// payload lacks it, a team in channelData means a channel and isGroup a group chat.
    /// </summary>
    public static string GetTeamsConversationType(this Activity activity)
    {
        var stated = activity.Conversation?.ConversationType;
        if (!string.IsNullOrEmpty(stated))
        {
            return stated;
        }

        if (activity.GetTeamsTeamId() is not null)
        {
            return TeamsConversationTypes.Channel;
        }

        return activity.Conversation?.IsGroup == true ? TeamsConversationTypes.GroupChat : TeamsConversationTypes.Personal;
    }

    public static bool IsTeamsPersonalChat(this Activity activity) =>
        string.Equals(activity.GetTeamsConversationType(), TeamsConversationTypes.Personal, StringComparison.OrdinalIgnoreCase);

    private static string? StringAt(JsonObject? root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var name in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out node))
            {
                return null;
            }
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
