using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.Safety.Learned;
using Xunit.Abstractions;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>Refits the classifier's threshold from out-of-fold scores and prints the table:
/// run with <c>--logger "console;verbosity=detailed"</c> after changing the corpus or the model.</summary>
public class ThresholdFitTests(ITestOutputHelper output)
{
    [Fact]
    public void The_shipped_threshold_is_the_one_out_of_fold_scores_choose()
    {
        var rules = new EmergencyDetector();
        var fit = ThresholdFit.Run(ShippedCorpus.Load(), m => rules.Assess(m).IsEmergency);

        output.WriteLine(fit.Table());
        foreach (var line in fit.Misses(fit.Chosen.Threshold)) output.WriteLine(line);

        Assert.Equal(EmergencyClassifier.DefaultThreshold, fit.Chosen.Threshold, 3);
        Assert.True(fit.Chosen.FalseAlarmsEither - fit.RulesFalseAlarms <= ThresholdFit.FalseAlarmTarget * fit.Benign);
    }
}
