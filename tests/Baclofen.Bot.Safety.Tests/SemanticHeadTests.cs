using Baclofen.Bot.Safety.Learned;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>The logistic head over sentence embeddings (the --semantic-emergency experiment's).</summary>
public sealed class SemanticHeadTests
{
    // Two clouds of unit-ish vectors that differ in a few dimensions, like two meanings would.
    private static (List<float[]> Vectors, List<bool> Labels) Clouds(int count, int dimensions, ulong seed)
    {
        var random = new Random((int)seed);
        var vectors = new List<float[]>();
        var labels = new List<bool>();
        for (int i = 0; i < count; i++)
        {
            bool positive = i % 3 == 0;
            var v = new float[dimensions];
            for (int j = 0; j < dimensions; j++) v[j] = (float)(random.NextDouble() - 0.5) * 0.1f;
            v[0] += positive ? 0.08f : -0.08f;
            v[5] += positive ? -0.05f : 0.05f;
            vectors.Add(v);
            labels.Add(positive);
        }
        return (vectors, labels);
    }

    [Fact]
    public void The_same_training_gives_the_same_weights()
    {
        var (vectors, labels) = Clouds(300, 32, 7);
        var first = SemanticHead.Train(vectors, labels).Parameters;
        var second = SemanticHead.Train(vectors, labels).Parameters;
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
        Assert.Equal(first.Mean, second.Mean);
        Assert.Equal(first.Scale, second.Scale);
    }

    [Fact]
    public void Separates_what_differs_in_a_few_dimensions_on_unseen_vectors()
    {
        var (training, trainingLabels) = Clouds(300, 32, 7);
        var (unseen, unseenLabels) = Clouds(90, 32, 11);
        var head = SemanticHead.Train(training, trainingLabels);
        int right = unseen.Where((v, i) => head.Score(v) >= 0.5 == unseenLabels[i]).Count();
        Assert.True(right >= 85, $"{right}/90 right");
    }

    [Fact]
    public void Scores_are_probabilities()
    {
        var (vectors, labels) = Clouds(120, 16, 3);
        var head = SemanticHead.Train(vectors, labels);
        Assert.All(vectors, v => Assert.InRange(head.Score(v), 0.0, 1.0));
        Assert.Equal(16, head.Dimensions);
    }
}
