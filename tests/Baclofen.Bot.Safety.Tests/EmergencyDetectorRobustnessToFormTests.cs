using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>Misspellings, capitals, missing punctuation and burying must not hide an emergency.</summary>
public class EmergencyDetectorRobustnessToFormTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("i overdoes on baclofen")]
    [InlineData("i think i overdozed")]
    [InlineData("my son is having a siezure")]
    [InlineData("she had a seizur")]
    [InlineData("he cant breath")]
    [InlineData("my wife stoped breathing")]
    [InlineData("hes not breething")]
    [InlineData("my dad is unconsious")]
    [InlineData("my tounge is swolen")]
    [InlineData("im feeling sucidal")]
    public void Misspelt_emergency_words_are_still_caught(string message)
        => Assert.True(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("i think she took an over dose", EmergencyCategory.Overdose)]
    [InlineData("he over-dosed last night", EmergencyCategory.Overdose)]
    [InlineData("my son is seizuring", EmergencyCategory.Seizure)]
    [InlineData("he wnt wake up", EmergencyCategory.Unresponsive)]
    [InlineData("i want to kill my self", EmergencyCategory.SelfHarm)]
    [InlineData("kms", EmergencyCategory.SelfHarm)]
    [InlineData("i want to unalive myself", EmergencyCategory.SelfHarm)]
    public void Split_words_and_slang_are_read_as_meant(string message, EmergencyCategory category)
        => Assert.Equal(category, Detector.Assess(message).Category);

    [Theory]
    [InlineData("MY DAD IS NOT BREATHING")]
    [InlineData("She Took The Whole Bottle")]
    [InlineData("HE WONT WAKE UP")]
    [InlineData("i TOOK 300MG")]
    public void Capitals_do_not_matter(string message)
    {
        var result = Detector.Assess(message);
        Assert.True(result.IsEmergency);
        Assert.False(result.IsInformational);
    }

    [Fact]
    public void Emergency_buried_in_a_long_rambling_message_is_found()
    {
        string message = "hi there so I have been meaning to ask about my repeat prescription and whether the pharmacy "
            + "can do the tablets in a blister pack because my mum finds the bottles fiddly and her hands are not great "
            + "and also the physio said her stretches were going well and we are really pleased but anyway right now "
            + "she has gone really grey and she is not breathing properly and i dont know what to do "
            + "sorry the other thing was whether she can have it with her tea";

        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency);
        Assert.False(result.IsInformational);
        Assert.Equal(EmergencyCategory.Breathing, result.Category);
    }

    [Theory]
    [InlineData("my son is having a seizure 😭😭 please help")]
    [InlineData("🚨🚨 he took 20 pills 🚨🚨")]
    public void Emoji_do_not_get_in_the_way(string message)
        => Assert.True(Detector.Assess(message).IsEmergency);

    [Fact]
    public void No_punctuation_at_all_still_reads_the_report()
        => Assert.False(Detector.Assess("my dad took like twenty of his baclofen and now hes not answering me what do i do").IsInformational);
}
