using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Teams;

/// <summary>
/// When to welcome: once, when the bot arrives in a personal chat, group chat or team.
/// On install Teams sends an installationUpdate (action add) AND a conversationUpdate
/// whose membersAdded holds the bot; every other channel (Emulator, Web Chat, Direct Line)
/// sends that conversationUpdate too, so it is the one event that welcomes everywhere.
/// </summary>
public static class TeamsWelcome
{
    public const string ActionAdd = "add";
    public const string ActionAddUpgrade = "add-upgrade";

    /// <summary>The fact: this activity says the bot was installed or added here.</summary>
    public static bool IsBotAdded(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            ActivityTypes.ConversationUpdate => ContainsBot(activity, activity.MembersAdded),
            ActivityTypes.InstallationUpdate => string.Equals(activity.Action, ActionAdd, StringComparison.OrdinalIgnoreCase)
                || string.Equals(activity.Action, ActionAddUpgrade, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>The policy: whether to send the welcome for this activity.</summary>
    public static WelcomeDecision DecideWelcome(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                if (ContainsBot(activity, activity.MembersAdded))
                {
                    return new(true, WelcomeReason.BotAdded);
                }

                return activity.MembersAdded is { Count: > 0 }
                    ? new(false, WelcomeReason.OnlyOtherMembersJoined)
                    : new(false, WelcomeReason.NotAnArrival);

            case ActivityTypes.InstallationUpdate:
                // add-upgrade is a new app version in a chat that was already welcomed.
                return string.Equals(activity.Action, ActionAdd, StringComparison.OrdinalIgnoreCase)
                    ? new(false, WelcomeReason.InstallationAnnouncedByConversationUpdate)
                    : new(false, WelcomeReason.NotAnArrival);

            default:
                return new(false, WelcomeReason.NotAMembershipEvent);
        }
    }

    private static bool ContainsBot(Activity activity, List<ChannelAccount>? members)
    {
        var botId = activity.Recipient?.Id;
        return !string.IsNullOrEmpty(botId)
            && members is not null
            && members.Any(m => string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase));
    }
}
