using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>Questions about an emergency topic, reports of one, and ordinary look-alikes.</summary>
public class EmergencyDetectorFramingTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("what are the signs of an overdose?")]
    [InlineData("can baclofen cause seizures")]
    [InlineData("how much baclofen is an overdose?")]
    [InlineData("can baclofen make you stop breathing")]
    [InlineData("does baclofen affect breathing")]
    [InlineData("can baclofen cause suicidal thoughts")]
    [InlineData("what should i do if someone overdoses")]
    [InlineData("does it help with seizures from epilepsy history?")]
    public void General_question_about_an_emergency_topic_is_informational(string message)
    {
        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency, message);
        Assert.True(result.IsInformational, message);
    }

    [Theory]
    [InlineData("is my son having a seizure? he is jerking all over")]
    [InlineData("what do i do my husband isnt breathing")]
    [InlineData("whats the lethal dose of baclofen, im done with everything")]
    public void Question_about_someone_in_particular_is_a_report(string message)
    {
        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency, message);
        Assert.False(result.IsInformational, message);
    }

    [Theory]
    [InlineData("I stopped taking it last week")]
    [InlineData("my breathing exercises help")]
    [InlineData("the spasms are killing me today")]
    [InlineData("took the last pill in the bottle today, how do i get a refill")]
    [InlineData("i'm dying to know if i can drink wine with it")]
    [InlineData("my legs collapsed under me at physio, is that the baclofen")]
    [InlineData("i was choking back tears at the appointment")]
    [InlineData("my back seized up this morning")]
    [InlineData("my muscles keep seizing up at night")]
    [InlineData("can i get an emergency refill")]
    [InlineData("wanted to end my baclofen because of the side effects")]
    [InlineData("i'm so done with these spasms")]
    [InlineData("it knocks me out at night")]
    [InlineData("i can't wake up in the mornings on baclofen")]
    [InlineData("the pills are blue")]
    [InlineData("my spasms aren't responding to baclofen")]
    [InlineData("does baclofen show up in breathalyzer tests")]
    [InlineData("i have a bit of confusion about my dose")]
    [InlineData("my label says baclofen 10mg od, what does od mean?")]
    [InlineData("is baclofen fit for kids")]
    public void Ordinary_message_sharing_words_with_emergencies_is_not_one(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);
}
