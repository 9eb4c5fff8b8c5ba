using Baclofen.Bot.Protocol.Teams;

namespace Baclofen.Bot.Protocol.Tests.Teams;

public class TeamsThreadReplyTests
{
    [Fact]
    public void Reply_to_a_channel_message_keeps_the_thread_conversation_id_whole()
    {
        var incoming = TeamsFixtures.Load("msteams-message-channel-mention.json");

        var reply = incoming.CreateReply("answer");

        Assert.Equal("team-id;messageid=1795224312546", reply.Conversation!.Id);
        Assert.Equal(incoming.Id, reply.ReplyToId);
    }

    [Fact]
    public void Reply_url_for_a_channel_message_escapes_the_thread_id_as_one_segment()
    {
        var incoming = TeamsFixtures.Load("msteams-message-channel-mention.json");
        var reply = incoming.CreateReply("answer");

        var path = ConnectorPaths.ReplyToActivity(reply.Conversation!.Id!, reply.ReplyToId!);

        Assert.Equal("/v3/conversations/team-id%3Bmessageid%3D1795224312546/activities/945c2922-588e-4ac0-ad92-a1c27d06f41c", path);
    }

    [Fact]
    public void Reply_url_matches_what_the_playground_recorded_for_the_channel_thread()
    {
        var incoming = TeamsFixtures.Load("msteams-message-channel-mention.json");
        var recorded = TeamsFixtures.ReadText("_events-recording-msteams.log");

        var path = ConnectorPaths.ReplyToActivity(incoming.Conversation!.Id!, incoming.Id!);

        Assert.Contains("\"url\": \"/_connector" + path + "\"", recorded);
    }

    [Fact]
    public void Activity_ids_with_reserved_characters_are_escaped_too()
    {
        Assert.Equal("/v3/conversations/a%3Ab%40thread.tacv2/activities/1%2F2", ConnectorPaths.ReplyToActivity("a:b@thread.tacv2", "1/2"));
    }

    [Fact]
    public void Send_to_conversation_targets_the_team_when_there_is_no_thread()
    {
        Assert.Equal("/v3/conversations/team-id/activities", ConnectorPaths.SendToConversation("team-id"));
    }

    [Fact]
    public void Empty_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ConnectorPaths.ReplyToActivity("", "1"));
        Assert.Throws<ArgumentException>(() => ConnectorPaths.ReplyToActivity("c", ""));
    }
}
