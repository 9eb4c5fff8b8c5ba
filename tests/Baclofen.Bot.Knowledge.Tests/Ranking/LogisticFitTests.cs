using Baclofen.Bot.Knowledge.Ranking;

namespace Baclofen.Bot.Knowledge.Tests.Ranking;

public class LogisticFitTests
{
    /// <summary>Labels drawn (deterministically) from σ(-1 + 2x): the fit should find about that.</summary>
    [Fact]
    public void Recovers_a_known_logistic_relation()
    {
        var random = new Random(3);
        var xs = new List<double[]>();
        var ys = new List<bool>();
        for (var i = 0; i < 4000; i++)
        {
            var x = random.NextDouble() * 4 - 2;
            xs.Add([x]);
            ys.Add(random.NextDouble() < LogisticFit.Sigmoid(-1 + 2 * x));
        }
        var (b, w) = LogisticFit.Fit(xs, ys, l2: 0);
        Assert.InRange(b, -1.3, -0.7);
        Assert.InRange(w[0], 1.7, 2.3);
    }

    [Fact]
    public void Separable_data_keeps_finite_weights_and_orders_correctly()
    {
        double[][] xs = [[0.1], [0.2], [0.8], [0.9]];
        bool[] ys = [false, false, true, true];
        var (b, w) = LogisticFit.Fit(xs, ys);
        Assert.True(double.IsFinite(b) && double.IsFinite(w[0]));
        Assert.True(LogisticFit.Predict(b, w, [0.9]) > LogisticFit.Predict(b, w, [0.1]));
    }

    [Fact]
    public void Sample_weights_shift_the_fit_toward_the_heavier_class()
    {
        double[][] xs = [[0.5], [0.5]];
        bool[] ys = [true, false];
        var (even, _) = LogisticFit.Fit(xs, ys);
        var (heavyNegative, _) = LogisticFit.Fit(xs, ys, sampleWeights: [1.0, 3.0]);
        Assert.True(heavyNegative < even);
    }
}
