using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Tests.Pipeline;

/// <summary>How the previous answer frames the next message, with scripted retrieval.</summary>
public sealed class ConversationContextTests
{
    private readonly PipelineFixture _fixture = new();

    private static readonly ConversationMemory AfterOnset = new() { PreviousFaqId = "onset" };

    private RetrievalResult Answer(string id, double confidence) => new(RetrievalOutcome.Answer, [_fixture.Scored(id, confidence)]);

    private static readonly RetrievalResult Nothing = new(RetrievalOutcome.Fallback, []);

    [Fact]
    public void Answer_remembers_its_entry_as_the_topic()
    {
        _fixture.Retriever.Next = Answer("onset", 0.9);

        var result = _fixture.Create().Process("does baclofen work right away?");

        Assert.Equal("onset", result.Memory.PreviousFaqId);
    }

    [Fact]
    public void Follow_up_that_fails_alone_is_answered_from_the_rewritten_question()
    {
        _fixture.Retriever.ByText["what if I miss one?"] = Nothing;
        _fixture.Retriever.ByText["what if i miss one baclofen"] = Answer("missed-dose", 0.8);

        var result = _fixture.Create().Process("what if I miss one?", AfterOnset);

        Assert.True(result.UsedContext);
        Assert.Equal("missed-dose", Assert.Single(result.Replies).FaqId);
        Assert.Equal("missed-dose", result.Memory.PreviousFaqId);
    }

    [Fact]
    public void Context_is_not_used_when_the_message_reads_better_on_its_own()
    {
        _fixture.Retriever.ByText["is that dangerous?"] = Answer("overdose-symptoms", 0.9);
        _fixture.Retriever.ByText["is baclofen dangerous"] = Answer("dosing-schedule", 0.7);

        var result = _fixture.Create().Process("is that dangerous?", AfterOnset);

        Assert.False(result.UsedContext);
        Assert.Equal("overdose-symptoms", Assert.Single(result.Replies).FaqId);
    }

    [Fact]
    public void Did_you_mean_with_one_choice_on_the_previous_topics_thread_is_answered_with_it()
    {
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Clarify, [_fixture.Scored("overdose-symptoms", 0.5), _fixture.Scored("dosing-schedule", 0.45)]);

        var result = _fixture.Create().Process("and how often?", AfterOnset);

        // dosing-schedule is among onset's related entries; overdose-symptoms is not.
        var reply = Assert.Single(result.Replies);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("dosing-schedule", reply.FaqId);
        Assert.True(result.UsedContext);
    }

    [Fact]
    public void Standalone_question_ignores_the_previous_topic()
    {
        _fixture.Retriever.Next = Nothing;

        var result = _fixture.Create().Process("how should baclofen tablets be stored at home?", AfterOnset);

        Assert.Equal(["how should baclofen tablets be stored at home?"], _fixture.Retriever.Seen);
        Assert.False(result.UsedContext);
        Assert.Equal(ReplyKind.Fallback, Assert.Single(result.Replies).Kind);
    }

    [Fact]
    public void Follow_up_without_a_previous_answer_is_retrieved_as_typed()
    {
        _fixture.Retriever.Next = Nothing;

        _fixture.Create().Process("what about opioids?");

        Assert.Equal(["what about opioids?"], _fixture.Retriever.Seen);
    }

    [Fact]
    public void Emergency_ignores_context_and_forgets_it()
    {
        _fixture.Detector.Next = new EmergencyAssessment(true, EmergencyCategory.Overdose, false);

        var result = _fixture.Create().Process("and what if he took all of it?", AfterOnset with { FeedbackPendingFor = "onset" });

        Assert.Equal(ReplyKind.Emergency, Assert.Single(result.Replies).Kind);
        Assert.Empty(_fixture.Retriever.Seen);
        Assert.Equal(ConversationMemory.Empty, result.Memory);
    }

    [Fact]
    public void Informational_emergency_answer_is_retrieved_without_context_and_asks_no_feedback()
    {
        _fixture.Detector.Next = new EmergencyAssessment(true, EmergencyCategory.Overdose, true);
        _fixture.Retriever.Next = Answer("overdose-symptoms", 0.9);

        var result = _fixture.Create().Process("and what does an overdose look like?", AfterOnset);

        Assert.Equal(["and what does an overdose look like?"], _fixture.Retriever.Seen);
        var answer = result.Replies[1];
        Assert.False(answer.AsksFeedback);
        Assert.Null(result.Memory.FeedbackPendingFor);
    }

    [Fact]
    public void Small_talk_keeps_the_topic_for_a_later_follow_up()
    {
        var result = _fixture.Create().Process("thanks!", AfterOnset);

        Assert.Equal("onset", result.Memory.PreviousFaqId);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("the second one")]
    public void After_a_did_you_mean_a_number_picks_that_choice(string text)
    {
        var offered = new ConversationMemory { OfferedFaqIds = ["onset", "missed-dose"] };

        var result = _fixture.Create().Process(text, offered);

        var reply = Assert.Single(result.Replies);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("missed-dose", reply.FaqId);
    }

    [Fact]
    public void Clarify_remembers_its_choices_for_one_message()
    {
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Clarify, [_fixture.Scored("onset", 0.4), _fixture.Scored("missed-dose", 0.38)]);
        var pipeline = _fixture.Create();

        var clarify = pipeline.Process("baclofen timing");
        _fixture.Retriever.Next = Nothing;
        var unrelated = pipeline.Process("how should it be stored?", clarify.Memory);

        Assert.Equal(["onset", "missed-dose"], clarify.Memory.OfferedFaqIds);
        Assert.Empty(unrelated.Memory.OfferedFaqIds);
    }
}
