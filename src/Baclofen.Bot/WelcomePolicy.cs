using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Teams;

namespace Baclofen.Bot;

/// <summary>
/// When to welcome, once per conversation. In a one-to-one chat (Emulator, Web Chat) the welcome
/// greets the person joining, never the bot itself. In Teams (personal chat too) and in any
/// group chat or team the welcome is for the bot's own arrival: Teams announces a personal
/// install with the bot alone in membersAdded (the user never "joins" a one-to-one chat), and
/// greeting every member who joins a large team would flood the channel.
/// </summary>
public static class WelcomePolicy
{
    public static bool ShouldWelcome(Activity activity)
    {
        if (activity.Type != ActivityTypes.ConversationUpdate || activity.MembersAdded is not { Count: > 0 } added)
        {
            return false;
        }

        if (IsGroup(activity) || TeamsChannelIds.IsTeams(activity.ChannelId))
        {
            return activity.DecideWelcome().ShouldWelcome;
        }

        var botId = activity.Recipient?.Id;
        return added.Any(member => !string.Equals(member.Id, botId, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsGroup(Activity activity) =>
        activity.Conversation?.IsGroup == true
        || activity.GetTeamsConversationType() is TeamsConversationTypes.GroupChat or TeamsConversationTypes.Channel;
}
