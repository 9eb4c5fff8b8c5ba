using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Pipeline.Context;

namespace Baclofen.Bot.Tests.Pipeline;

public sealed class FollowUpDetectorTests
{
    [Theory]
    [InlineData("what about with alcohol?")]
    [InlineData("and for how long?")]
    [InlineData("is that dangerous?")]
    [InlineData("what if I miss one?")]
    [InlineData("and how long does it last?")]
    [InlineData("what about opioids?")]
    [InlineData("how about in pregnancy")]
    [InlineData("does that make you sleepy")]
    [InlineData("can I take it with food?")]
    public void Short_elliptical_message_is_a_follow_up(string text) => Assert.True(FollowUpDetector.IsFollowUp(text));

    [Theory]
    [InlineData("how long does baclofen take to work?")]
    [InlineData("can I drink alcohol on baclofen")]
    [InlineData("and is lioresal safe in pregnancy?")]
    [InlineData("what are the most common side effects people notice in the first weeks of treatment")]
    [InlineData("does alcohol make drowsiness worse")]
    [InlineData("")]
    public void Standalone_question_is_not_a_follow_up(string text) => Assert.False(FollowUpDetector.IsFollowUp(text));

    [Theory]
    [InlineData("and how long does it last?", "how long does baclofen last")]
    [InlineData("what about opioids?", "opioids baclofen")]
    [InlineData("is that dangerous?", "is baclofen dangerous")]
    [InlineData("and for how long?", "for how long baclofen")]
    public void Rewrite_drops_the_connective_and_names_the_medicine(string text, string expected) =>
        Assert.Equal(expected, FollowUpRewriter.Rewrite(text));

    private static readonly FaqEntry Alcohol = new(
        "alcohol-interaction", ["Can I drink alcohol while taking baclofen?"], "Answer.", "interactions", [], [], ["alcohol", "drink", "mix"], "faq/alcohol-interaction.md");

    [Fact]
    public void Subject_swap_keeps_the_previous_questions_frame_without_its_subject() =>
        Assert.Equal("can i while taking baclofen opioids", FollowUpRewriter.Reframe("what about opioids?", Alcohol));

    [Theory]
    [InlineData("and how long does it last?")]
    [InlineData("what about it?")]
    [InlineData("what about the tablets my doctor gave me last week")]
    public void Only_a_short_new_subject_is_a_swap(string text) => Assert.Null(FollowUpRewriter.Reframe(text, Alcohol));
}
