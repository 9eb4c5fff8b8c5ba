using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Tests.Pipeline;

public sealed class TurnPipelineTests
{
    private readonly PipelineFixture _fixture = new();

    [Fact]
    public void Emergency_report_gets_only_the_fixed_emergency_reply_and_no_retrieval()
    {
        _fixture.Detector.Next = new EmergencyAssessment(true, EmergencyCategory.Overdose, false);
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Answer, [_fixture.Scored("overdose-symptoms", 0.9)]);

        var result = _fixture.Create().Process("my son swallowed the whole bottle");

        var reply = Assert.Single(result.Replies);
        Assert.Equal(ReplyKind.Emergency, reply.Kind);
        Assert.Equal(PipelineFixture.EmergencyText, reply.Text);
        Assert.Equal("overdose", reply.Trigger);
        Assert.Empty(_fixture.Retriever.Seen);
    }

    [Fact]
    public void Informational_emergency_question_gets_the_emergency_reply_first_then_the_answer()
    {
        _fixture.Detector.Next = new EmergencyAssessment(true, EmergencyCategory.Overdose, true);
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Answer, [_fixture.Scored("overdose-symptoms", 0.8)]);

        var result = _fixture.Create().Process("what are the signs of a baclofen overdose?");

        Assert.Collection(result.Replies,
            first => Assert.Equal(ReplyKind.Emergency, first.Kind),
            second =>
            {
                Assert.Equal(ReplyKind.Answer, second.Kind);
                Assert.Equal("overdose-symptoms", second.FaqId);
            });
    }

    [Fact]
    public void Informational_emergency_without_an_answer_sends_no_fallback_after_the_emergency_reply()
    {
        _fixture.Detector.Next = new EmergencyAssessment(true, EmergencyCategory.Seizure, true);

        var result = _fixture.Create().Process("hi what should I know about seizures");

        Assert.Equal([ReplyKind.Emergency], result.Replies.Select(r => r.Kind));
    }

    [Theory]
    [InlineData(EmergencyDetectors.Rules, "rules")]
    [InlineData(EmergencyDetectors.Classifier, "classifier")]
    [InlineData(EmergencyDetectors.Both, "both")]
    public void Emergency_reply_names_the_detector_that_fired_in_the_reply_contract(EmergencyDetectors detectors, string name)
    {
        _fixture.Detector.Next = new EmergencyAssessment(true, EmergencyCategory.SelfHarm, false) { Detectors = detectors };

        var reply = Assert.Single(_fixture.Create().Process("how many would it take to never wake up").Replies);
        var contract = Baclofen.Bot.Replies.ReplyActivityFactory.ContractOf(reply);

        Assert.Equal(name, reply.Detector);
        Assert.Equal("emergency", contract["kind"]!.GetValue<string>());
        Assert.Equal("self-harm", contract["trigger"]!.GetValue<string>());
        Assert.Equal(name, contract["detector"]!.GetValue<string>());
        // The contract never carries the message.
        Assert.DoesNotContain("wake", contract.ToJsonString());
    }

    [Fact]
    public void Topic_question_without_a_card_keyword_gets_its_answer_and_no_emergency_reply()
    {
        _fixture.Detector.Next = new EmergencyAssessment(false, EmergencyCategory.SevereWithdrawal, true) { Detectors = EmergencyDetectors.None };
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Answer, [_fixture.Scored("missed-dose", 0.8)]);

        var result = _fixture.Create().Process("how long does withdrawal last?");

        var reply = Assert.Single(result.Replies);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("missed-dose", reply.FaqId);
        Assert.NotEqual(PipelineFixture.EmergencyText, reply.Text);
    }

    [Fact]
    public void Answer_names_its_source_and_ends_with_its_entrys_disclaimer()
    {
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Answer, [_fixture.Scored("onset", 0.82)]);

        var reply = Assert.Single(_fixture.Create().Process("does it work right away").Replies);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("dosing", reply.DisclaimerKey);
        Assert.Equal(0.82, reply.Score);
        Assert.StartsWith("Answer about onset.", reply.Text);
        Assert.Contains("_Source: Seed page title (Seed publisher)_", reply.Text);
        Assert.EndsWith("Never change your dose on your own.", reply.Text);
        Assert.True(reply.Text.IndexOf("Source:", StringComparison.Ordinal) < reply.Text.IndexOf("Never change", StringComparison.Ordinal));
    }

    [Fact]
    public void Source_line_is_left_out_when_the_setting_is_off_but_the_disclaimer_stays()
    {
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Answer, [_fixture.Scored("onset", 0.7)]);

        var reply = Assert.Single(_fixture.Create(showSources: false).Process("does it work right away").Replies);

        Assert.DoesNotContain("Source:", reply.Text);
        Assert.EndsWith("Never change your dose on your own.", reply.Text);
    }

    [Fact]
    public void Answer_offers_related_entries_as_follow_up_buttons()
    {
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Answer, [_fixture.Scored("onset", 0.7)]);

        var reply = Assert.Single(_fixture.Create().Process("does it work right away").Replies);

        Assert.Equal(["How often do I take baclofen?", "What if I miss a dose?"], reply.Choices.Where(c => !c.Value.Contains("help")).Select(c => c.Value));
    }

    [Fact]
    public void Clarify_offers_the_candidates_canonical_questions_and_none_of_these()
    {
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Clarify, [_fixture.Scored("onset", 0.4), _fixture.Scored("dosing-schedule", 0.38)]);

        var reply = Assert.Single(_fixture.Create().Process("baclofen timing").Replies);

        Assert.Equal(ReplyKind.Clarify, reply.Kind);
        Assert.Equal(["onset", "dosing-schedule"], reply.Candidates);
        Assert.Equal(["Does baclofen work immediately?", "How often do I take baclofen?", "None of these"], reply.Choices.Select(c => c.Title));
    }

    [Fact]
    public void Choosing_a_canonical_question_answers_that_entry_directly()
    {
        var reply = Assert.Single(_fixture.Create().Process("how often do i take baclofen").Replies);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("dosing-schedule", reply.FaqId);
        Assert.Empty(_fixture.Retriever.Seen);
    }

    [Fact]
    public void None_of_these_gets_a_gentle_reply_not_an_answer()
    {
        var reply = Assert.Single(_fixture.Create().Process("None of these").Replies);

        Assert.Equal(ReplyKind.SmallTalk, reply.Kind);
        Assert.Empty(_fixture.Retriever.Seen);
    }

    [Fact]
    public void Fallback_is_honest_and_carries_the_general_disclaimer()
    {
        var reply = Assert.Single(_fixture.Create().Process("how do i bake banana bread").Replies);

        Assert.Equal(ReplyKind.Fallback, reply.Kind);
        Assert.EndsWith("This is general information, not medical advice.", reply.Text);
        Assert.NotEmpty(reply.Choices);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("Thank you so much!")]
    [InlineData("bye")]
    [InlineData("what can you do?")]
    [InlineData("are you a human?")]
    public void Small_talk_gets_a_canned_reply_and_never_reaches_retrieval(string message)
    {
        var reply = Assert.Single(_fixture.Create().Process(message).Replies);

        Assert.Equal(ReplyKind.SmallTalk, reply.Kind);
        Assert.Empty(_fixture.Retriever.Seen);
    }

    [Fact]
    public void Small_talk_still_passes_the_safety_gate_first()
    {
        _fixture.Detector.Next = new EmergencyAssessment(true, EmergencyCategory.SelfHarm, false);

        var result = _fixture.Create().Process("bye");

        Assert.Equal(ReplyKind.Emergency, Assert.Single(result.Replies).Kind);
    }

    [Fact]
    public void A_greeting_in_front_of_a_question_is_removed_before_retrieval()
    {
        _fixture.Create().Process("Hi there, does baclofen work right away?");

        Assert.Equal("does baclofen work right away?", Assert.Single(_fixture.Retriever.Seen));
    }

    [Fact]
    public void The_safety_gate_reads_all_of_a_long_message_while_retrieval_reads_its_first_part()
    {
        var longMessage = string.Join(' ', Enumerable.Repeat("I have a long story about my muscles.", 100)) + " now he is not breathing";

        _fixture.Create(maxLength: 200).Process(longMessage);

        Assert.EndsWith("not breathing", Assert.Single(_fixture.Detector.Seen));
        Assert.True(Assert.Single(_fixture.Retriever.Seen).Length <= 200);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public void A_message_without_text_gets_a_polite_request_to_type(string? message)
    {
        var reply = Assert.Single(_fixture.Create().Process(message).Replies);

        Assert.Equal(BotTexts.EmptyMessage, reply.Text);
    }

    [Fact]
    public void The_pipeline_refuses_to_start_without_an_emergency_response()
    {
        Assert.Throws<ArgumentException>(() => new TurnPipeline(_fixture.Detector, _fixture.Retriever, _fixture.Catalog, new(), new PipelineOptions()));
    }
}
