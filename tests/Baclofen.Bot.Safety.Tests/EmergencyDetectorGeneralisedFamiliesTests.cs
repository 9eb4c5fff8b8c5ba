using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>The families the first blind set showed the rules did not generalise to, each
/// written here in wordings of our own (not the blind lines), with the look-alikes that must
/// stay quiet.</summary>
public class EmergencyDetectorGeneralisedFamiliesTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("been raising my dose all evening cause the spasms wont quit and now my legs feel like rubber")]
    [InlineData("i kept bumping up the baclofen since lunch and now im seeing double")]
    [InlineData("took another one every few hours since this morning, my chest feels heavy and tight")]
    [InlineData("had my baclofen several times today i think, everything is spinning and i can barely stand")]
    [InlineData("i took twice the amount by accident and now im super confused")]
    [InlineData("been taking more than i should all day and my heartbeat is slow and weird")]
    public void Raising_the_dose_oneself_with_a_symptom_is_an_overdose(string message)
        => AssertReport(message, EmergencyCategory.Overdose);

    [Theory]
    [InlineData("my neurologist has been raising my dose slowly over the year, any tips")]
    [InlineData("i kept increasing my walking distance every week, does baclofen help stamina")]
    [InlineData("i take it three times a day, is that normal")]
    public void Raising_a_dose_without_a_symptom_stays_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("gave my son his liquid baclofen with a tablespoon instead of the syringe and now he is really floppy")]
    [InlineData("i think i measured it wrong, now my mum is super drowsy and slurring")]
    [InlineData("used the wrong spoon for her oral solution and she cant stay awake")]
    public void A_measuring_error_with_a_symptom_is_an_overdose(string message)
    {
        // The symptom may name a graver category (floppy, can't stay awake); the overdose is in the evidence.
        var explained = Detector.Explain(message);
        Assert.True(explained.Assessment.IsEmergency && !explained.Assessment.IsInformational, message);
        Assert.Contains(explained.Evidence, e => e.StartsWith("Overdose report: too much + symptom", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("is a tablespoon instead of the syringe ok for the liquid if i measure carefully")]
    [InlineData("i measured it wrong once last month but he was fine, how do i read the syringe")]
    public void A_measuring_question_without_a_symptom_stays_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("easiest way to never wake up, should i just swallow the whole bottle of baclofen")]
    [InlineData("if i take my baclofen all at once would i just drift off")]
    [InlineData("quickest way to die with these pills")]
    [InlineData("is there a way to take enough of these to just not wake up")]
    public void Means_and_an_end_in_any_order_are_self_harm(string message)
        => AssertReport(message, EmergencyCategory.SelfHarm);

    [Theory]
    [InlineData("whats the easiest way to remember my baclofen doses")]
    [InlineData("can i take my morning pills all at once or spread them out")]
    public void A_way_or_all_at_once_without_an_end_stays_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("babysitter here, the baby (14 months) was mouthing one of the baclofen tablets")]
    [InlineData("our little one [3] has been licking on a baclofen")]
    [InlineData("my daughter swallowed a baclofen, she thought it was candy")]
    public void A_child_in_brackets_or_in_care_with_the_medicine_is_an_ingestion(string message)
        => AssertReport(message, EmergencyCategory.Overdose);

    [Theory]
    [InlineData("how can i keep my toddler from getting into the bathroom cabinet where the baclofen is")]
    [InlineData("best way to stop the kids from reaching my baclofen bottle?")]
    [InlineData("nanny here, what time should the little one (20 months) have lunch, i take baclofen myself")]
    public void Prevention_or_no_contact_with_a_child_stays_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("his intrathecal pump never got refilled on time and now hes delirious with a fever")]
    [InlineData("missed the pump refill last week, her blood pressure is through the roof and shes agitated")]
    public void A_refill_that_did_not_happen_with_danger_signs_is_withdrawal(string message)
        => AssertReport(message, EmergencyCategory.SevereWithdrawal);

    [Theory]
    [InlineData("my pump wasnt refilled on time last month but it was fine, when is the next one")]
    public void A_late_refill_without_danger_signs_stays_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    // Resolved or habitual past, an age instead of an amount.
    [InlineData("crashed and passed out in bed at 9, slept through till noon, feel refreshed now, should i take baclofen earlier")]
    [InlineData("my brother used to have fits when he was little, can i still take baclofen")]
    [InlineData("my grandad lived to 97 on all sorts of pills, is baclofen safe long term")]
    // Noun modifiers.
    [InlineData("my seizure medication and baclofen come from the same pharmacy")]
    [InlineData("her breathing treatments are at 8 and her baclofen at 9, is that ok")]
    // Hyperbole, an unrelated cause.
    [InlineData("laughed so hard at the show i couldnt breathe lol, baclofen makes me giggly")]
    [InlineData("my lip swelled up after a bee sting yesterday, unrelated, can i keep taking baclofen")]
    public void Look_alikes_of_an_emergency_stay_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("my mum passed out on the sofa and wont wake up")]
    [InlineData("he is having seizures right now after his baclofen")]
    [InlineData("my face swelled up right after my first baclofen dose and my throat feels tight")]
    [InlineData("he wont stop shaking and his eyes are open but hes not responding")]
    public void The_same_words_as_a_real_event_still_fire(string message)
        => Assert.True(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("can baclofen cause a fit the first time you take it")]
    [InlineData("my doctor listed fits as a possible side effect, how likely is that")]
    public void A_general_question_naming_fits_or_seizures_gets_the_fixed_text_first(string message)
    {
        var result = Detector.Assess(message);
        Assert.True(result.IsEmergency, message);
        Assert.True(result.IsInformational, message);
    }

    private static void AssertReport(string message, EmergencyCategory category)
    {
        var result = Detector.Assess(message);
        Assert.True(result.IsEmergency, message);
        Assert.False(result.IsInformational, message);
        Assert.Equal(category, result.Category);
    }
}
