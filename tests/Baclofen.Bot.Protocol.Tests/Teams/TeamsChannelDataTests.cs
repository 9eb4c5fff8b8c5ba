using System.Text.Json;
using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Teams;

namespace Baclofen.Bot.Protocol.Tests.Teams;

public class TeamsChannelDataTests
{
    [Fact]
    public void Channel_message_exposes_tenant_team_and_channel()
    {
        var activity = TeamsFixtures.Load("msteams-message-channel-mention.json");

        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.GetTeamsTenantId());
        Assert.Equal("team-id", activity.GetTeamsTeamId());
        Assert.Equal("team-id", activity.GetTeamsChannelId());
        Assert.Equal(TeamsConversationTypes.Channel, activity.GetTeamsConversationType());
        Assert.False(activity.IsTeamsPersonalChat());
    }

    [Fact]
    public void Team_install_exposes_event_type_and_team_name()
    {
        var activity = TeamsFixtures.Load("msteams-conversationUpdate-channel.json");

        Assert.Equal("teamMemberAdded", activity.GetTeamsEventType());
        Assert.Equal("My Team", activity.GetTeamsTeamName());
        Assert.Equal("team-id", activity.GetTeamsTeamId());
    }

    [Theory]
    [InlineData("msteams-message-personal.json", TeamsConversationTypes.Personal)]
    [InlineData("msteams-message-groupChat-mention.json", TeamsConversationTypes.GroupChat)]
    [InlineData("msteams-message-channel-mention.json", TeamsConversationTypes.Channel)]
    public void Conversation_type_is_read_from_the_recorded_activity(string fixture, string expected)
    {
        Assert.Equal(expected, TeamsFixtures.Load(fixture).GetTeamsConversationType());
    }

    [Fact]
    public void Group_chat_has_a_tenant_but_no_team_or_channel()
    {
        var activity = TeamsFixtures.Load("msteams-message-groupChat-mention.json");

        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.GetTeamsTenantId());
        Assert.Null(activity.GetTeamsTeamId());
        Assert.Null(activity.GetTeamsChannelId());
        Assert.Null(activity.GetTeamsEventType());
    }

    [Fact]
    public void Flat_legacy_ids_are_used_when_team_and_channel_objects_are_missing()
    {
        var activity = new Activity
        {
            ChannelData = new JsonObject { ["teamsTeamId"] = "19:team", ["teamsChannelId"] = "19:chan" },
            Conversation = new ConversationAccount { IsGroup = true, TenantId = "t-1" },
        };

        Assert.Equal("19:team", activity.GetTeamsTeamId());
        Assert.Equal("19:chan", activity.GetTeamsChannelId());
        Assert.Equal("t-1", activity.GetTeamsTenantId());
        Assert.Equal(TeamsConversationTypes.Channel, activity.GetTeamsConversationType());
    }

    [Theory]
    [InlineData(true, TeamsConversationTypes.GroupChat)]
    [InlineData(false, TeamsConversationTypes.Personal)]
    public void Missing_conversation_type_is_inferred_from_isGroup(bool isGroup, string expected)
    {
        var activity = new Activity { Conversation = new ConversationAccount { IsGroup = isGroup } };

        Assert.Equal(expected, activity.GetTeamsConversationType());
    }

    [Fact]
    public void Accessors_tolerate_unexpected_shapes()
    {
        var activity = new Activity { ChannelData = new JsonObject { ["tenant"] = "not-an-object", ["team"] = new JsonObject { ["id"] = 42 } } };

        Assert.Null(activity.GetTeamsTenantId());
        Assert.Null(activity.GetTeamsTeamId());
    }

    [Fact]
    public void Reading_channelData_keeps_unknown_members_on_a_round_trip()
    {
        var activity = TeamsFixtures.Load("msteams-installationUpdate-channel.json");
        _ = activity.GetTeamsTeamId();
        _ = activity.GetTeamsConversationType();

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!;

        Assert.Equal("message", (string?)written["channelData"]!["source"]!["name"]);
        Assert.Equal("team-id", (string?)written["channelData"]!["settings"]!["selectedChannel"]!["id"]);
        Assert.Equal("00000000-0000-0000-0000-000000000031", (string?)written["channelData"]!["team"]!["aadGroupId"]);
    }
}
