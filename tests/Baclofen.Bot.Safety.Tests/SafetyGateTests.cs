using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.Safety.Learned;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>The gate: either detector raises the alarm, and the reply says which.</summary>
public class SafetyGateTests
{
    // A threshold of 0 makes the classifier fire on everything, above 1 on nothing: the gate's
    // combination is tested without depending on what the model learned.
    private static SafetyGate Gate(double threshold) => new(new SafetyOptions { ClassifierThreshold = threshold });

    [Fact]
    public void Rules_alone_are_named_rules()
    {
        var result = Gate(1.1).Assess("he stopped breathing");

        Assert.True(result.IsEmergency);
        Assert.Equal("rules", result.Detector);
        Assert.Equal("breathing", result.Trigger);
    }

    [Fact]
    public void Both_detectors_are_named_both_and_the_rules_name_the_category()
    {
        var result = Gate(0).Assess("he stopped breathing");

        Assert.Equal("both", result.Detector);
        Assert.Equal(EmergencyCategory.Breathing, result.Category);
    }

    [Fact]
    public void The_classifier_alone_raises_the_alarm_as_a_report_with_its_own_category()
    {
        const string message = "my boyfriend won't wake up after taking baclofen";
        var result = Gate(0).Assess(message);

        Assert.True(result.IsEmergency);
        Assert.False(result.IsInformational);
        Assert.Equal("classifier", result.Detector);
        Assert.Equal(EmergencyClassifier.Shared.Category(message), result.Category);
    }

    [Fact]
    public void A_topic_question_the_classifier_fires_on_gets_the_alarm_and_still_its_answer()
    {
        var result = Gate(0).Assess("how long does withdrawal last?");

        Assert.True(result.IsEmergency);
        Assert.True(result.IsInformational);
        Assert.Equal("classifier", result.Detector);
    }

    [Fact]
    public void Nothing_fires_on_an_everyday_question()
    {
        var result = Gate(EmergencyClassifier.DefaultThreshold).Assess("does baclofen make you sleepy");

        Assert.False(result.IsEmergency);
        Assert.Null(result.Detector);
    }

    [Theory]
    [InlineData("my boyfriend won't wake up after taking baclofen", EmergencyCategory.Unresponsive)]
    [InlineData("hubby's lips look like balloons and he's making a whistling noise breathing, he just had his baclofen", EmergencyCategory.AllergicSwelling)]
    public void With_the_shipped_threshold_the_classifier_catches_what_the_rules_miss(string message, EmergencyCategory category)
    {
        Assert.False(new EmergencyDetector().Assess(message).IsEmergency);

        var result = new SafetyGate().Assess(message);

        Assert.True(result.IsEmergency);
        Assert.Equal("classifier", result.Detector);
        Assert.Equal(category, result.Category);
    }
}
