using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Pipeline.Feedback;

namespace Baclofen.Bot.Tests.Pipeline;

/// <summary>The "was this helpful?" state machine: asked with an answer, read once, then forgotten.</summary>
public sealed class FeedbackTurnTests
{
    private readonly PipelineFixture _fixture = new();

    private static readonly ConversationMemory Pending = new() { PreviousFaqId = "onset", FeedbackPendingFor = "onset" };

    [Fact]
    public void Answer_asks_with_two_buttons_after_its_follow_ups_and_keeps_the_disclaimer_last()
    {
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Answer, [_fixture.Scored("onset", 0.9)]);

        var result = _fixture.Create().Process("does it work right away");

        var reply = Assert.Single(result.Replies);
        Assert.True(reply.AsksFeedback);
        Assert.Equal([FeedbackReader.HelpfulValue, FeedbackReader.NotHelpfulValue], reply.Choices.TakeLast(2).Select(c => c.Value));
        Assert.EndsWith("Never change your dose on your own.", reply.Text);
        Assert.Equal("onset", result.Memory.FeedbackPendingFor);
    }

    [Fact]
    public void Feedback_can_be_switched_off()
    {
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Answer, [_fixture.Scored("onset", 0.9)]);

        var result = _fixture.Create(askFeedback: false).Process("does it work right away");

        Assert.False(result.Replies[0].AsksFeedback);
        Assert.Null(result.Memory.FeedbackPendingFor);
    }

    [Theory]
    [InlineData("yep", true)]
    [InlineData("Yes, this helped", true)]
    [InlineData("yes it was very helpful, thanks", true)]
    [InlineData("not really", false)]
    [InlineData("No, this didn't help", false)]
    [InlineData("nope", false)]
    public void Yes_or_no_while_pending_is_counted_for_that_entry_with_a_small_talk_thanks(string text, bool helpful)
    {
        var result = _fixture.Create().Process(text, Pending);

        Assert.Equal(new FeedbackGiven("onset", helpful), result.Feedback);
        Assert.Equal(ReplyKind.SmallTalk, Assert.Single(result.Replies).Kind);
        Assert.Empty(_fixture.Retriever.Seen);
        Assert.Null(result.Memory.FeedbackPendingFor);
        Assert.Equal("onset", result.Memory.PreviousFaqId);
    }

    [Fact]
    public void Yes_without_a_pending_question_goes_through_the_normal_pipeline()
    {
        var result = _fixture.Create().Process("yep", new ConversationMemory { PreviousFaqId = "onset" });

        Assert.Null(result.Feedback);
        Assert.Equal(["yep"], _fixture.Retriever.Seen);
    }

    [Theory]
    [InlineData("yes but is it safe with alcohol?")]
    [InlineData("how should I store it")]
    [InlineData("ok")]
    [InlineData("maybe")]
    public void Anything_else_while_pending_is_handled_normally_and_drops_the_question(string text)
    {
        var result = _fixture.Create().Process(text, Pending);

        Assert.Null(result.Feedback);
        Assert.Null(result.Memory.FeedbackPendingFor);
    }

    [Fact]
    public void Feedback_question_is_forgotten_after_one_message()
    {
        var pipeline = _fixture.Create();

        var ignored = pipeline.Process("thanks", Pending);
        var later = pipeline.Process("yes", ignored.Memory);

        Assert.Null(ignored.Feedback);
        Assert.Null(later.Feedback);
    }

    [Fact]
    public void Feedback_button_clicked_when_nothing_is_pending_is_thanked_but_not_counted()
    {
        var result = _fixture.Create().Process(FeedbackReader.HelpfulValue, new ConversationMemory { PreviousFaqId = "onset" });

        Assert.Null(result.Feedback);
        Assert.Equal(ReplyKind.SmallTalk, Assert.Single(result.Replies).Kind);
        Assert.Empty(_fixture.Retriever.Seen);
    }
}
