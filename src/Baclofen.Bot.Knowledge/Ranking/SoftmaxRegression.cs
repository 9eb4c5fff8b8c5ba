namespace Baclofen.Bot.Knowledge.Ranking;

/// <summary>
/// Multinomial logistic regression over sparse features: P(class | x) = softmax(W·x + bias).
/// Trained by stochastic gradient descent with L2 weight decay, in a fixed seeded order, so the
/// same examples always give the same model (a rebuilt index answers exactly as before).
/// </summary>
public sealed class SoftmaxRegression
{
    private readonly float[] _weights; // [feature * classes + class]: one feature's weights are adjacent
    private readonly float[] _bias;

    public int Classes { get; }
    public int Features { get; }

    private SoftmaxRegression(int classes, int features)
    {
        Classes = classes;
        Features = features;
        _weights = new float[classes * features];
        _bias = new float[classes];
    }

    public sealed record Example(SparseVector X, int Label, double Weight = 1.0);

    public sealed record TrainingOptions(int Epochs = 30, double LearningRate = 0.5, double L2 = 1e-4, int Seed = 17);

    public static SoftmaxRegression Train(IReadOnlyList<Example> examples, int classes, int features, TrainingOptions options)
    {
        var model = new SoftmaxRegression(classes, features);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        var probabilities = new double[classes];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            // Decaying step: large early to find the region, small late so the last examples seen
            // do not dominate the final weights.
            var rate = options.LearningRate / (1 + epoch * 0.2);
            foreach (var i in order)
            {
                var example = examples[i];
                model.Probabilities(example.X, probabilities);
                var x = example.X;
                for (var c = 0; c < classes; c++)
                {
                    var gradient = (float)(rate * example.Weight * (probabilities[c] - (c == example.Label ? 1 : 0)));
                    // Classes the model already rules out contribute nothing worth the update; skipping
                    // them makes training several times faster once the model has settled.
                    if (Math.Abs(gradient) < 1e-5f) continue;
                    model._bias[c] -= gradient;
                    for (var k = 0; k < x.Indices.Length; k++)
                        model._weights[x.Indices[k] * classes + c] -= gradient * x.Values[k];
                }
            }
            var decay = (float)(1 - rate * options.L2 * examples.Count);
            if (decay < 1)
                for (var w = 0; w < model._weights.Length; w++) model._weights[w] *= Math.Max(decay, 0);
        }
        return model;
    }

    /// <summary>Class probabilities of <paramref name="x"/> into <paramref name="into"/> (length = classes).</summary>
    public void Probabilities(SparseVector x, double[] into)
    {
        var classes = Classes;
        for (var c = 0; c < classes; c++) into[c] = _bias[c];
        for (var k = 0; k < x.Indices.Length; k++)
        {
            var offset = x.Indices[k] * classes;
            var v = x.Values[k];
            for (var c = 0; c < classes; c++) into[c] += _weights[offset + c] * v;
        }
        var max = double.NegativeInfinity;
        for (var c = 0; c < classes; c++) max = Math.Max(max, into[c]);
        double sum = 0;
        for (var c = 0; c < classes; c++) sum += into[c] = Math.Exp(into[c] - max);
        for (var c = 0; c < classes; c++) into[c] /= sum;
    }

    public double[] Probabilities(SparseVector x)
    {
        var p = new double[Classes];
        Probabilities(x, p);
        return p;
    }
}
