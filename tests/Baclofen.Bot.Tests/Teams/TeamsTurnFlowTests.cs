using System.Text.Json.Nodes;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Protocol.Teams;
using Baclofen.Bot.Replies;
using Baclofen.Bot.Teams;
using Baclofen.Bot.Tests.Pipeline;

namespace Baclofen.Bot.Tests.Teams;

/// <summary>
/// The Teams pieces in the order a turn would use them (read the question, run the pipeline,
/// shape the replies), on recorded channel messages; the integration the team lead wires.
/// </summary>
public class TeamsTurnFlowTests
{
    private readonly PipelineFixture _fixture = new();

    [Fact]
    public void Channel_question_reaches_retrieval_without_the_mention_and_clarify_comes_back_as_a_card()
    {
        var incoming = BotFixtures.Load("msteams-message-channel-mention.json");
        incoming.Text = "<at>Test Bot</at> does it work immediately?";
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Clarify, [_fixture.Scored("onset", 0.4), _fixture.Scored("dosing-schedule", 0.38)]);

        var result = _fixture.Create().Process(IncomingText.Read(incoming));
        var reply = TeamsReplyAdapter.AdaptFor(ReplyActivityFactory.ToActivity(result.Replies.Single()), incoming);

        Assert.Equal(["does it work immediately?"], _fixture.Retriever.Seen);
        Assert.Null(reply.SuggestedActions);
        var actions = reply.Attachments!.Single().Content!["actions"]!.AsArray();
        Assert.Equal(["Does baclofen work immediately?", "How often do I take baclofen?", "None of these"], actions.Select(a => (string)a!["data"]!["msteams"]!["value"]!));
        Assert.Equal("clarify", (string?)reply.ReadFaqBot()!["kind"]);
    }

    [Fact]
    public void Card_click_in_a_channel_is_answered_like_a_typed_question()
    {
        var incoming = BotFixtures.Load("msteams-message-channel-mention.json");
        incoming.Text = null;
        incoming.Value = JsonNode.Parse("""{"msteams":{"type":"imBack","value":"Does baclofen work immediately?"}}""");

        // The pipeline answers a choice's exact canonical question without retrieval.
        var result = _fixture.Create().Process(IncomingText.Read(incoming));

        Assert.Equal("onset", result.Replies.Single().FaqId);
    }

    [Fact]
    public void Answer_in_a_personal_chat_keeps_its_follow_ups_as_suggested_actions_and_its_disclaimer_in_the_text()
    {
        var incoming = BotFixtures.Load("msteams-message-personal.json");
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Answer, [_fixture.Scored("onset", 0.9)]);

        // Without the feedback buttons: with them an answer has more buttons than Teams shows as
        // suggested actions, and they move to a card (see TeamsReplyAdapterTests).
        var result = _fixture.Create(askFeedback: false).Process(IncomingText.Read(incoming));
        var reply = TeamsReplyAdapter.AdaptFor(ReplyActivityFactory.ToActivity(result.Replies.Single()), incoming);

        Assert.Equal(2, reply.SuggestedActions!.Actions.Count);
        Assert.Null(reply.Attachments);
        Assert.Contains("Never change your dose on your own.", reply.Text);
        Assert.Equal("answer", (string?)reply.ReadFaqBot()!["kind"]);
    }

    [Fact]
    public void Welcome_goes_out_once_for_the_recorded_team_install()
    {
        var welcomes = new[] { "msteams-installationUpdate-channel.json", "msteams-conversationUpdate-channel.json" }
            .Select(BotFixtures.Load)
            .Where(a => a.DecideWelcome().ShouldWelcome)
            .Select(a => TeamsReplyAdapter.AdaptFor(ReplyActivityFactory.ToActivity(_fixture.Create().Welcome()), a))
            .ToList();

        var welcome = Assert.Single(welcomes);
        Assert.Equal("smalltalk", (string?)welcome.ReadFaqBot()!["kind"]);
    }
}
