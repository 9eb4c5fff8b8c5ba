using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Tests;

public class EmergencyDetectorNegationTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("he is breathing fine now, just sleepy")]
    [InlineData("no seizures so far since starting baclofen")]
    [InlineData("she hasn't had any seizures this year")]
    [InlineData("no trouble breathing, just tired")]
    [InlineData("no swelling, just a small rash")]
    public void Reassuring_observation_about_someone_is_honoured(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);

    [Theory]
    [InlineData("I'm not suicidal, just tired of the spasms", EmergencyCategory.SelfHarm)]
    [InlineData("i didn't overdose but i feel weird", EmergencyCategory.Overdose)]
    public void Denial_of_self_harm_or_overdose_still_gets_the_emergency_text(string message, EmergencyCategory category)
    {
        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency, message);
        Assert.Equal(category, result.Category);
    }

    [Theory]
    [InlineData("i dont know if hes breathing")]
    [InlineData("not sure if she is breathing")]
    [InlineData("i don't think he's breathing")]
    public void Uncertainty_is_not_a_denial(string message)
    {
        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency, message);
        Assert.False(result.IsInformational, message);
    }

    [Fact]
    public void Negation_in_another_clause_does_not_cancel_a_report()
        => Assert.True(Detector.Assess("i dont have his prescription, he's not breathing").IsEmergency);
}
