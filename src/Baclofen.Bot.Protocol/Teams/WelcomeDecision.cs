namespace Baclofen.Bot.Protocol.Teams;

/// <summary>Why a membership or installation activity does or does not call for a welcome.</summary>
public enum WelcomeReason
{
    /// <summary>Not a conversationUpdate or installationUpdate.</summary>
    NotAMembershipEvent,

    /// <summary>The bot itself is in membersAdded: it was just installed in this chat or team.</summary>
    BotAdded,

    /// <summary>
    /// installationUpdate add: Teams sends it together with the conversationUpdate that adds
    /// the bot, and that one welcomes, so answering both would welcome twice.
    /// </summary>
    InstallationAnnouncedByConversationUpdate,

    /// <summary>An app upgrade, an uninstall or the bot being removed: nothing to greet.</summary>
    NotAnArrival,

    /// <summary>Only other people joined: greeting each of them would flood a team.</summary>
    OnlyOtherMembersJoined,
}

public readonly record struct WelcomeDecision(bool ShouldWelcome, WelcomeReason Reason);
