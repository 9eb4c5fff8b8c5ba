using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>Self-harm said without the words: despair twice, or despair with the means.</summary>
public class EmergencyDetectorDespairTests
{
    private static readonly EmergencyDetector Detector = new();

    [Theory]
    [InlineData("i'm alone tonight with a full bottle of baclofen")]
    [InlineData("everything is pointless and i'm just a burden to everyone")]
    [InlineData("i give up. sorry for everything")]
    [InlineData("nobody would miss me, ive saved up enough baclofen")]
    [InlineData("i'm so tired of living")]
    [InlineData("everyone would be better off if i wasnt here")]
    public void Despair_with_the_means_or_twice_over_is_self_harm(string message)
    {
        var result = Detector.Assess(message);

        Assert.True(result.IsEmergency, message);
        Assert.False(result.IsInformational, message);
        Assert.Equal(EmergencyCategory.SelfHarm, result.Category);
    }

    [Theory]
    [InlineData("the spasms make me feel hopeless some days but baclofen helps")]
    [InlineData("i give up on baclofen, it does nothing for me")]
    [InlineData("i live alone, what if i fall after taking baclofen")]
    [InlineData("im done with my questions, thanks")]
    [InlineData("i keep my pills next to the bed so i remember")]
    [InlineData("nobody understands how bad spasticity is")]
    public void One_sign_of_a_hard_day_alone_is_not_self_harm(string message)
        => Assert.False(Detector.Assess(message).IsEmergency, message);
}
