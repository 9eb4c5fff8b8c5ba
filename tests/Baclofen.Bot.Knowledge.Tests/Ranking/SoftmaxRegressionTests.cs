using Baclofen.Bot.Knowledge.Ranking;

namespace Baclofen.Bot.Knowledge.Tests.Ranking;

public class SoftmaxRegressionTests
{
    private static SparseVector X(params (int Id, float Value)[] features) =>
        SparseVector.From(features.ToDictionary(f => f.Id, f => f.Value));

    private static readonly SoftmaxRegression.Example[] Toy =
    [
        new(X((0, 1f)), 0), new(X((0, 1f), (2, 1f)), 0),
        new(X((1, 1f)), 1), new(X((1, 1f), (2, 1f)), 1),
        new(X((3, 1f)), 2, 0.5),
    ];

    [Fact]
    public void Learns_which_feature_points_at_which_class()
    {
        var model = SoftmaxRegression.Train(Toy, classes: 3, features: 4, new SoftmaxRegression.TrainingOptions());
        Assert.Equal(0, ArgMax(model.Probabilities(X((0, 1f)))));
        Assert.Equal(1, ArgMax(model.Probabilities(X((1, 1f)))));
        Assert.Equal(2, ArgMax(model.Probabilities(X((3, 1f)))));
    }

    [Fact]
    public void Probabilities_sum_to_one()
    {
        var model = SoftmaxRegression.Train(Toy, 3, 4, new SoftmaxRegression.TrainingOptions());
        Assert.Equal(1.0, model.Probabilities(X((2, 1f))).Sum(), 4);
        Assert.Equal(1.0, model.Probabilities(SparseVector.Empty).Sum(), 4);
    }

    [Fact]
    public void Same_examples_and_seed_give_the_same_model()
    {
        var a = SoftmaxRegression.Train(Toy, 3, 4, new SoftmaxRegression.TrainingOptions(Seed: 5));
        var b = SoftmaxRegression.Train(Toy, 3, 4, new SoftmaxRegression.TrainingOptions(Seed: 5));
        Assert.Equal(a.Probabilities(X((2, 1f), (0, 0.5f))), b.Probabilities(X((2, 1f), (0, 0.5f))));
    }

    private static int ArgMax(double[] p) => Array.IndexOf(p, p.Max());
}
