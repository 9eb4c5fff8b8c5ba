namespace Baclofen.Bot.Protocol.Teams;

/// <summary>The values Teams sends in conversation.conversationType.</summary>
public static class TeamsConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}
