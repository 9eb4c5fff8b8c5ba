using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Tests;

public class EmergencyDetectorCategoryTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("i think she overdosed on her baclofen", EmergencyCategory.Overdose)]
    [InlineData("my girlfriend OD'd", EmergencyCategory.Overdose)]
    [InlineData("he ODd on his meds", EmergencyCategory.Overdose)]
    [InlineData("my brother is o.d.ing right now", EmergencyCategory.Overdose)]
    [InlineData("took the whole bottle", EmergencyCategory.Overdose)]
    [InlineData("my son is having a seizure", EmergencyCategory.Seizure)]
    [InlineData("she is convulsing on the floor", EmergencyCategory.Seizure)]
    [InlineData("grandad is fitting", EmergencyCategory.Seizure)]
    [InlineData("my wife had a fit and is still shaking all over", EmergencyCategory.Seizure)]
    [InlineData("my dad stopped breathing", EmergencyCategory.Breathing)]
    [InlineData("he's barely breathing", EmergencyCategory.Breathing)]
    [InlineData("i cant breathe", EmergencyCategory.Breathing)]
    [InlineData("her lips are turning blue", EmergencyCategory.Breathing)]
    [InlineData("my husband won't wake up", EmergencyCategory.Unresponsive)]
    [InlineData("she passed out and i can't wake her", EmergencyCategory.Unresponsive)]
    [InlineData("my mum is unresponsive", EmergencyCategory.Unresponsive)]
    [InlineData("my throat is swelling", EmergencyCategory.AllergicSwelling)]
    [InlineData("my tongue is swelling up", EmergencyCategory.AllergicSwelling)]
    [InlineData("i want to die", EmergencyCategory.SelfHarm)]
    [InlineData("i'm going to kill myself", EmergencyCategory.SelfHarm)]
    [InlineData("i want to take all my pills and end it", EmergencyCategory.SelfHarm)]
    [InlineData("i stopped my baclofen suddenly and now i'm hallucinating", EmergencyCategory.SevereWithdrawal)]
    [InlineData("she ran out of baclofen on friday and now she has a high fever and is seeing things", EmergencyCategory.SevereWithdrawal)]
    public void Report_of_each_kind_of_emergency_gets_its_category(string message, EmergencyCategory expected)
    {
        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency);
        Assert.False(result.IsInformational);
        Assert.Equal(expected, result.Category);
    }

    [Fact]
    public void Trigger_names_the_category_for_the_reply_contract()
    {
        Assert.Equal("self-harm", Detector.Assess("i want to kill myself").Trigger);
        Assert.Equal("overdose", Detector.Assess("he swallowed 20 pills").Trigger);
        Assert.Null(Detector.Assess("what time should i take it").Trigger);
    }

    [Fact]
    public void Self_harm_outranks_overdose_when_both_are_reported()
    {
        var result = Detector.Assess("i took 40 tablets because i want to die");

        Assert.Equal(EmergencyCategory.SelfHarm, result.Category);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_message_is_not_an_emergency(string message)
        => Assert.Equal(EmergencyAssessment.None, Detector.Assess(message));
}
