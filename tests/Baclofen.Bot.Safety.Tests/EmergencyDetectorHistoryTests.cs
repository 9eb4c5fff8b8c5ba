using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>
/// A card word named in someone's medical history or in a story asks nothing about the danger:
/// the writer gets the answer without the emergency text, which would be a false alarm that
/// teaches people to skip it. A general question about the danger still gets it, and so does
/// history that is the background of something happening now.
/// </summary>
public class EmergencyDetectorHistoryTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("I had a seizure back in 2019 before starting baclofen, is that a problem now?")]
    [InlineData("had seizures as a teen, none for 15 years, can I still take baclofen")]
    [InlineData("i had a seizure like 2 years ago before i started baclofen but none since")]
    [InlineData("Patient had a seizure in 2017, none since, current baclofen dose stable at 20 mg TID.")]
    [InlineData("i used to have seizures as a kid, is baclofen ok for me")]
    [InlineData("she had a convulsion as a toddler from a fever, she's 12 now and the pediatrician wants baclofen, any concerns?")]
    [InlineData("we watched a tv show last night where a guy overdosed and it made me think about my meds")]
    [InlineData("i wrote an essay about overdoses for my health class")]
    public void A_card_word_in_history_or_a_story_gets_no_alarm(string message)
    {
        var result = Detector.Assess(message);
        Assert.False(result.IsEmergency, message);
    }

    [Theory]
    [InlineData("Is baclofen safe for people with a history of convulsions?")]
    [InlineData("is baclofen used to treat seizures?")]
    [InlineData("can baclofen cause seizures?")]
    [InlineData("what are the signs of an overdose?")]
    public void A_general_question_naming_a_card_word_still_gets_the_emergency_text(string message)
    {
        var result = Detector.Assess(message);
        Assert.True(result.IsEmergency, message);
        Assert.True(result.IsInformational, message);
    }

    [Theory]
    [InlineData("my son had a seizure last year and now he is seizing again right now")]
    [InlineData("she overdosed in 2019 and now she took 20 pills again and wont wake up")]
    [InlineData("he had fits as a kid and he is having one again, he is shaking all over")]
    public void History_behind_something_happening_now_is_a_report(string message)
    {
        var result = Detector.Assess(message);
        Assert.True(result.IsEmergency, message);
        Assert.False(result.IsInformational, message);
    }

    [Fact]
    public void Past_self_harm_keeps_the_alarm_because_the_emergency_text_carries_988()
    {
        Assert.True(Detector.Assess("i used to feel suicidal years ago but ive been in recovery and feel good now").IsEmergency);
    }

    [Theory]
    [InlineData("im cooked for this exam tomorrow fr")]
    [InlineData("im cooked i stayed up till 4 gaming")]
    public void Slang_near_an_emergency_word_is_not_corrected_into_it(string message)
    {
        Assert.False(Detector.Assess(message).IsEmergency, message);
    }

    [Theory]
    [InlineData("I feel like I'm dying from these spasms (not literally lol), when does baclofen usually kick in?")]
    [InlineData("I choked a little swallowing my pill this morning but it went down fine, should I use more water next time?")]
    [InlineData("my husband says I'm out cold every night since starting baclofen, but I wake up fine with my alarm")]
    [InlineData("I can't breathe through my nose at night with my allergies, can I take Zyrtec with baclofen?")]
    public void Figures_of_speech_habits_and_a_blocked_nose_get_no_alarm(string message)
    {
        Assert.False(Detector.Assess(message).IsEmergency, message);
    }

    [Theory]
    [InlineData("he choked on his pill and now he cant breathe at all")]
    [InlineData("I feel like I'm dying, my chest is tight and my lips are blue")]
    [InlineData("she is out cold and I cant wake her and she is barely breathing")]
    public void The_same_words_in_a_real_emergency_still_fire(string message)
    {
        Assert.True(Detector.Assess(message).IsEmergency, message);
    }
}
