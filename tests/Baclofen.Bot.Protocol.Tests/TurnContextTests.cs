using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Tests.Support;

namespace Baclofen.Bot.Protocol.Tests;

public class TurnContextTests
{
    private readonly List<Activity> _sent = [];

    private Task<ResourceResponse[]> Record(IReadOnlyList<Activity> activities, CancellationToken _)
    {
        _sent.AddRange(activities);
        return Task.FromResult(activities.Select((_, i) => new ResourceResponse { Id = $"r{_sent.Count + i}" }).ToArray());
    }

    [Fact]
    public async Task Reply_is_addressed_back_to_the_sender_in_the_same_conversation()
    {
        var incoming = Fixtures.Activity("emulator-message-channel-mention.json");
        var context = new TurnContext(incoming, Record);

        var response = await context.SendActivityAsync(MessageFactory.Text("hello"));

        var reply = Assert.Single(_sent);
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(incoming.Id, reply.ReplyToId);
        Assert.Equal("team-id;messageid=1795224238409", reply.Conversation!.Id);
        Assert.Equal(incoming.ServiceUrl, reply.ServiceUrl);
        Assert.Equal("emulator", reply.ChannelId);
        Assert.Equal(incoming.Recipient!.Id, reply.From!.Id);
        Assert.Equal("user-id-0", reply.Recipient!.Id);
        Assert.Equal("en-US", reply.Locale);
        Assert.Null(reply.Id);
        Assert.Equal("r1", response.Id);
    }

    [Fact]
    public async Task Activity_without_type_is_sent_as_a_message_and_an_explicit_replyToId_is_kept()
    {
        var context = new TurnContext(Fixtures.Activity("emulator-message-personal.json"), Record);

        await context.SendActivityAsync(new Activity { Text = "x", ReplyToId = "other" });

        Assert.Equal(ActivityTypes.Message, _sent[0].Type);
        Assert.Equal("other", _sent[0].ReplyToId);
    }

    [Theory]
    [InlineData("directline-conversationUpdate.json", false)]
    [InlineData("webchat-conversationUpdate.json", false)]
    [InlineData("emulator-conversationUpdate-personal.json", true)]
    public async Task Welcome_replies_to_the_conversationUpdate_except_on_Direct_Line_and_Web_Chat(string fixture, bool hasReplyToId)
    {
        var incoming = Fixtures.Activity(fixture);
        var context = new TurnContext(incoming, Record);

        await context.SendActivityAsync(MessageFactory.Text("welcome"));

        Assert.Equal(hasReplyToId ? incoming.Id : null, _sent[0].ReplyToId);
    }

    [Fact]
    public async Task Responded_turns_true_only_after_a_reply_and_not_for_a_trace()
    {
        var context = new TurnContext(Fixtures.Activity("emulator-message-personal.json"), Record);
        Assert.False(context.Responded);

        await context.SendActivityAsync(new Activity { Type = ActivityTypes.Trace, Name = "debug" });
        Assert.False(context.Responded);

        await context.SendActivityAsync(MessageFactory.Text("hi"));
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task ExpectReplies_turn_buffers_replies_and_sends_nothing()
    {
        var context = new TurnContext(Fixtures.Activity("emulator-expectReplies-message.json"), Record);

        await context.SendActivitiesAsync([MessageFactory.Text("one"), MessageFactory.Text("two")]);

        Assert.Empty(_sent);
        Assert.True(context.Responded);
        Assert.Equal(["one", "two"], context.BufferedReplies.Select(a => a.Text));
        Assert.All(context.BufferedReplies, a => Assert.Equal("9c765930-3242-4799-b249-26ee58ff7f98", a.ReplyToId));
    }

    [Fact]
    public async Task A_failed_send_does_not_count_as_responded()
    {
        var context = new TurnContext(
            Fixtures.Activity("emulator-message-personal.json"),
            (_, _) => Task.FromException<ResourceResponse[]>(new HttpRequestException("down")));

        await Assert.ThrowsAsync<HttpRequestException>(() => context.SendActivityAsync(MessageFactory.Text("hi")));

        Assert.False(context.Responded);
    }
}
