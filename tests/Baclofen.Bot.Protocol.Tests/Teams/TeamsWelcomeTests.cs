using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Teams;

namespace Baclofen.Bot.Protocol.Tests.Teams;

public class TeamsWelcomeTests
{
    private static readonly string[] BotAddedFixtures =
    [
        "msteams-conversationUpdate-personal.json",
        "msteams-conversationUpdate-groupChat.json",
        "msteams-conversationUpdate-channel.json",
        "emulator-conversationUpdate-personal.json",
        "emulator-conversationUpdate-groupChat.json",
        "emulator-conversationUpdate-channel.json",
        "emulator-expectReplies-conversationUpdate.json",
        "webchat-conversationUpdate.json",
        "directline-conversationUpdate.json",
    ];

    private static readonly string[] InstallationFixtures =
    [
        "msteams-installationUpdate-personal.json",
        "msteams-installationUpdate-groupChat.json",
        "msteams-installationUpdate-channel.json",
    ];

    public static TheoryData<string> BotAddedConversationUpdates() => [.. BotAddedFixtures];

    public static TheoryData<string> InstallationUpdates() => [.. InstallationFixtures];

    [Theory]
    [MemberData(nameof(BotAddedConversationUpdates))]
    public void Conversation_update_adding_the_bot_is_welcomed(string fixture)
    {
        var activity = TeamsFixtures.Load(fixture);

        Assert.True(activity.IsBotAdded());
        Assert.Equal(new WelcomeDecision(true, WelcomeReason.BotAdded), activity.DecideWelcome());
    }

    [Theory]
    [MemberData(nameof(InstallationUpdates))]
    public void Installation_update_is_a_bot_arrival_but_the_paired_conversation_update_welcomes(string fixture)
    {
        var activity = TeamsFixtures.Load(fixture);

        Assert.True(activity.IsBotAdded());
        Assert.Equal(new WelcomeDecision(false, WelcomeReason.InstallationAnnouncedByConversationUpdate), activity.DecideWelcome());
    }

    [Fact]
    public void Every_conversation_fixture_has_a_welcome_test()
    {
        // A new recorded conversationUpdate or installationUpdate must be added to the lists above.
        var covered = BotAddedFixtures.Concat(InstallationFixtures).ToHashSet();
        var recorded = TeamsFixtures.Named("*conversationUpdate*.json").Concat(TeamsFixtures.Named("*installationUpdate*.json"));

        Assert.All(recorded, name => Assert.Contains(name, covered));
    }

    [Fact]
    public void Each_recorded_install_welcomes_exactly_once_per_conversation()
    {
        // The playground's install flow for personal, group chat and team, in the order it sent it.
        var perConversation = new[]
            {
                "msteams-installationUpdate-personal.json", "msteams-conversationUpdate-personal.json",
                "msteams-installationUpdate-groupChat.json", "msteams-conversationUpdate-groupChat.json",
                "msteams-installationUpdate-channel.json", "msteams-conversationUpdate-channel.json",
            }
            .Select(TeamsFixtures.Load)
            .GroupBy(a => a.Conversation!.Id)
            .ToDictionary(g => g.Key!, g => g.Count(a => a.DecideWelcome().ShouldWelcome));

        Assert.Equal(3, perConversation.Count);
        Assert.All(perConversation.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Many_other_members_joining_a_team_is_not_a_welcome()
    {
        var activity = TeamsFixtures.Load("msteams-conversationUpdate-channel.json");
        activity.MembersAdded = [.. Enumerable.Range(1, 40).Select(i => new ChannelAccount { Id = $"29:user-{i}" })];

        Assert.False(activity.IsBotAdded());
        Assert.Equal(new WelcomeDecision(false, WelcomeReason.OnlyOtherMembersJoined), activity.DecideWelcome());
    }

    [Fact]
    public void A_person_joining_a_group_chat_is_not_a_welcome()
    {
        var activity = TeamsFixtures.Load("msteams-conversationUpdate-groupChat.json");
        activity.MembersAdded = [new ChannelAccount { Id = "29:new-person" }];

        Assert.False(activity.DecideWelcome().ShouldWelcome);
    }

    [Theory]
    [InlineData("add-upgrade", true)]
    [InlineData("remove", false)]
    [InlineData("remove-upgrade", false)]
    public void App_upgrade_and_uninstall_do_not_welcome(string action, bool isArrival)
    {
        var activity = TeamsFixtures.Load("msteams-installationUpdate-personal.json");
        activity.Action = action;

        Assert.Equal(isArrival, activity.IsBotAdded());
        Assert.Equal(new WelcomeDecision(false, WelcomeReason.NotAnArrival), activity.DecideWelcome());
    }

    [Fact]
    public void Bot_removed_from_a_team_is_not_a_welcome()
    {
        var activity = TeamsFixtures.Load("msteams-conversationUpdate-channel.json");
        activity.MembersRemoved = activity.MembersAdded;
        activity.MembersAdded = null;

        Assert.Equal(new WelcomeDecision(false, WelcomeReason.NotAnArrival), activity.DecideWelcome());
    }

    [Fact]
    public void Messages_are_not_membership_events()
    {
        var activity = TeamsFixtures.Load("msteams-message-personal.json");

        Assert.False(activity.IsBotAdded());
        Assert.Equal(new WelcomeDecision(false, WelcomeReason.NotAMembershipEvent), activity.DecideWelcome());
    }
}
