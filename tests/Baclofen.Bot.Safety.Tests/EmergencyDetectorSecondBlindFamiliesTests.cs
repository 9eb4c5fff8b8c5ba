using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>The families the second blind set showed the rules did not generalise to, each
/// written here in wordings of our own (not the blind lines), with the look-alikes that must
/// stay quiet or be read as a question.</summary>
public class EmergencyDetectorSecondBlindFamiliesTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("im going to shut off the pump deliberately tonight and see what happens")]
    [InlineData("thinking of switching my baclofen pump off on purpose")]
    [InlineData("i stopped all my meds this week and honestly i dont care what happens to me")]
    [InlineData("he took a pile of pills and doesnt want to be found")]
    [InlineData("my sister keeps saying she is going to take all her tablets tonight")]
    [InlineData("my dad told me he's about to swallow the whole bottle of baclofen")]
    [InlineData("mi mama dice que quiere morir")]
    [InlineData("mi amigo va a tomar todas las pastillas de baclofen")]
    [InlineData("my son texted goodbye to everyone and now he isnt answering")]
    public void Self_harm_by_withholding_or_someone_elses_plan_is_self_harm(string message)
        => AssertReport(message, EmergencyCategory.SelfHarm);

    [Theory]
    [InlineData("the pump alarm went off on purpose during the test, the nurse said it was routine")]
    [InlineData("i stopped baclofen last year with my doctor, should i restart?")]
    [InlineData("i want to take all my doses with food, is that ok?")]
    public void A_planned_stop_or_a_routine_without_intent_stays_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("my 3 year old had the blister pack and a corner of one tablet is missing")]
    [InlineData("the puppy was playing with a baclofen tablet, most of it is gone now")]
    [InlineData("found my toddler by the open baclofen bottle with white crumbs on her lips")]
    [InlineData("grandson had the medicine bottle open and his mouth is sticky")]
    [InlineData("my baby had a baclofen pill, i took it off him but half of it was bitten")]
    public void A_trace_of_the_medicine_by_a_child_or_pet_is_an_ingestion(string message)
        => AssertReport(message, EmergencyCategory.Overdose);

    [Theory]
    [InlineData("my toddler's lips are sticky from a popsicle and half of it is gone")]
    [InlineData("my kids ate all the cookies, half of them are gone, lol")]
    public void A_trace_without_the_medicine_stays_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("the chemist couldnt fill my mums baclofen, now she is hallucinating and burning up")]
    [InlineData("been without it for 3 days because the pharmacy was out, now im delirious")]
    [InlineData("the pharmacy couldnt dispense his prescription, hes gone without since friday and has a 104 fever")]
    public void A_supply_that_could_not_be_filled_with_a_danger_sign_is_withdrawal(string message)
        => AssertReport(message, EmergencyCategory.SevereWithdrawal);

    [Fact]
    public void A_supply_problem_without_a_danger_sign_stays_quiet()
        => Assert.False(Detector.Assess("the pharmacy couldnt fill my baclofen today, when can I get it elsewhere?").IsEmergency);

    [Theory]
    [InlineData("cant breathe right and covered in hives after my first baclofen")]
    [InlineData("i can't breathe well, wheezing, just took baclofen for the first time")]
    public void Breathing_trouble_told_before_hives_is_anaphylaxis(string message)
    {
        // Breathing may be the graver category reported; the anaphylaxis is in the evidence.
        var explained = Detector.Explain(message);
        Assert.True(explained.Assessment.IsEmergency && !explained.Assessment.IsInformational, message);
        Assert.Contains(explained.Evidence, e => e.StartsWith("AllergicSwelling report", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("my teacher is gonna have a seizure when she sees my homework haha")]
    [InlineData("mom will have a fit if she finds out lol, anyway does baclofen cause weight gain")]
    [InlineData("dad passed out in his recliner again haha, he's fine just snoring. is baclofen sedating?")]
    [InlineData("she fainted at the concert lol jk she just sat down")]
    public void Hyperbole_and_naps_stay_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("my son is going to have a seizure right now, he is shaking all over")]
    [InlineData("she passed out and she is not breathing")]
    public void Real_events_near_those_words_still_fire(string message)
        => Assert.True(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("i had a seizure back in 2018, can i take baclofen?")]
    [InlineData("my wife had a convulsion in 2012 after surgery, is baclofen safe for her?")]
    [InlineData("back in college i had a seizure once, should my doctor know before baclofen?")]
    [InlineData("i overdosed on painkillers years ago, is baclofen risky for me?")]
    public void History_naming_a_card_word_is_informational(string message)
    {
        // The fixed text may come first (it names a card word), but then the answer: never a report.
        var result = Detector.Assess(message);
        Assert.True(result.IsInformational, message);
    }

    [Fact]
    public void History_without_a_card_word_is_just_answered()
    {
        var result = Detector.Assess("my husband fainted once in high school, does that matter for the pump?");
        Assert.False(result.IsEmergency);
    }

    private static void AssertReport(string message, EmergencyCategory category)
    {
        var result = Detector.Assess(message);
        Assert.True(result.IsEmergency, message);
        Assert.False(result.IsInformational, message);
        Assert.Equal(category, result.Category);
    }
}
