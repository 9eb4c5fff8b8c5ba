using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>Issue 17's rule families: each written as a way of saying it, and the look-alikes
/// that must stay quiet.</summary>
public class EmergencyDetectorNewFamiliesTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("i doubled then tripled my dose today and now i can barely keep my eyes open")]
    [InlineData("took extra all day and now my speech is slurred")]
    [InlineData("kept taking more all day and now i cant lift my arms")]
    [InlineData("took a handful and now im really dizzy")]
    [InlineData("i lost count of how many i took and the room is spinning")]
    [InlineData("took more than my doctor said, now i keep falling asleep")]
    public void A_relative_amount_with_a_symptom_is_an_overdose_report(string message)
        => AssertReport(message, EmergencyCategory.Overdose);

    [Theory]
    [InlineData("my doctor doubled my dose and i feel very sleepy")]
    [InlineData("I took a handful of gummy vitamins this morning, can I still take my baclofen at lunch")]
    [InlineData("took extra all day yesterday and feel fine today")]
    [InlineData("my neurologist tripled my dose over six months")]
    public void A_relative_amount_without_a_symptom_or_prescribed_stays_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("my toddler chewed some of my tablets hes 2")]
    [InlineData("my 18 month old got into my pills")]
    [InlineData("grandkid swallowed one of my baclofen")]
    [InlineData("my son who is 2 took baclofen from my handbag")]
    [InlineData("found my 1yo with a baclofen pill in her mouth")]
    [InlineData("daughter 2 years swallowed baclofen pill")]
    [InlineData("the dog chewed through my baclofen blister pack")]
    [InlineData("The cat knocked my baclofen off the counter and I think she ate one")]
    public void A_child_or_pet_with_the_medicine_is_an_ingestion_report_on_its_own(string message)
        => AssertReport(message, EmergencyCategory.Overdose);

    [Theory]
    [InlineData("my toddler loves the pharmacy stickers on the bottle lol")]
    [InlineData("my son is 2 and i keep my pills locked away")]
    [InlineData("my 8 year old took his baclofen this morning, can he have ibuprofen")]
    [InlineData("my dog ate my shoe lol, anyway how long does baclofen last")]
    [InlineData("the dog had my pill bottle in his mouth but I got it back, cap still on")]
    [InlineData("my kid licked the outside of the closed bottle, no pills came out")]
    [InlineData("my son is 3 and I had my baclofen with breakfast")]
    public void A_child_or_pet_near_the_medicine_without_getting_at_it_stays_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("how many would it take to never wake up")]
    [InlineData("how many of these would it take so i just never wake up")]
    [InlineData("would taking dozens be painless")]
    [InlineData("i just want to not be here anymore")]
    [InlineData("how much baclofen to end my life")]
    [InlineData("whats the least painful way to go with these pills")]
    [InlineData("gonna take my whole baclofen bottle and be done")]
    [InlineData("I'm going to overdose on purpose")]
    [InlineData("will 30 baclofen kill me")]
    public void Veiled_self_harm_is_an_emergency_even_asked_as_a_question(string message)
        => AssertReport(message, EmergencyCategory.SelfHarm);

    [Theory]
    [InlineData("is the pump refill painless")]
    [InlineData("my husband never wakes up at night since he started baclofen")]
    [InlineData("i want to end my prescription and switch to tizanidine")]
    [InlineData("these spasms will be the end of me, how many tablets can i take a day")]
    [InlineData("I cut myself shaving because my hand was shaky, is tremor a baclofen thing")]
    public void Everyday_words_of_the_self_harm_family_stay_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("his pump ran out two days ago and now he has a high fever and is very confused")]
    [InlineData("out of baclofen 4 days, fever, heart racing, confused")]
    [InlineData("my mom's pump alarm keeps beeping and she is rigid and sweating")]
    [InlineData("the baclofen is on backorder, it's been five days and i keep hearing voices")]
    public void A_missed_refill_or_failed_pump_with_danger_signs_is_severe_withdrawal(string message)
        => AssertReport(message, EmergencyCategory.SevereWithdrawal);

    [Theory]
    [InlineData("I mixed baclofen with vodka and I can barely keep my eyes open")]
    [InlineData("took baclofen and xanax together and now I'm slurring and can't walk")]
    [InlineData("my roommate took baclofen and fentanyl and he's nodding out")]
    public void Baclofen_mixed_with_a_depressant_then_a_symptom_is_an_emergency(string message)
        => Assert.True(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("I overdosed on netflix this weekend lol. anyway how long does baclofen take to kick in")]
    [InlineData("took too many notes in pharmacology class, what does baclofen act on")]
    [InlineData("no emergency, just a question: can baclofen be taken at night only?")]
    [InlineData("we had an overdose drill at work today, how does baclofen compare to tizanidine")]
    [InlineData("I almost passed out when I saw the price of baclofen without insurance")]
    [InlineData("swallowing the tablet is hard for me, can I crush it")]
    [InlineData("my breathing exercises help")]
    [InlineData("I stopped it last year")]
    [InlineData("had food poisoning last week, skipped two doses then restarted. is that ok")]
    public void Hard_negatives_stay_quiet(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("what are the withdrawal symptoms?")]
    [InlineData("how long does withdrawal last?")]
    [InlineData("can you be allergic to baclofen")]
    [InlineData("is baclofen toxic to dogs")]
    [InlineData("is baclofen withdrawal dangerous")]
    [InlineData("is there an antidote for baclofen")]
    public void A_topic_question_without_a_card_keyword_gets_no_alarm(string message)
    {
        var result = Detector.Assess(message);

        Assert.False(result.IsEmergency, message);
        // Either read as a question about a danger, or nothing the rules know: answered either way.
        Assert.True(result.IsTopic || result.Category is null, message);
    }

    [Theory]
    [InlineData("can baclofen cause seizures?", EmergencyCategory.Seizure)]
    [InlineData("what are the signs of an overdose?", EmergencyCategory.Overdose)]
    [InlineData("what are the signs of an OD?", EmergencyCategory.Overdose)]
    [InlineData("can baclofen cause convulsions", EmergencyCategory.Seizure)]
    [InlineData("can baclofen make you stop breathing", EmergencyCategory.Breathing)]
    [InlineData("what happens if you take too much baclofen", EmergencyCategory.Overdose)]
    [InlineData("can withdrawal cause fits", EmergencyCategory.SevereWithdrawal)]
    public void A_question_naming_a_card_keyword_still_gets_the_alarm_then_the_answer(string message, EmergencyCategory category)
    {
        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency, message);
        Assert.True(result.IsInformational, message);
        Assert.Equal(category, result.Category);
    }

    private static void AssertReport(string message, EmergencyCategory category)
    {
        var result = Detector.Assess(message);
        Assert.True(result.IsEmergency, message);
        Assert.False(result.IsInformational, message);
        Assert.Equal(category, result.Category);
        Assert.Equal("rules", result.Detector);
    }
}
