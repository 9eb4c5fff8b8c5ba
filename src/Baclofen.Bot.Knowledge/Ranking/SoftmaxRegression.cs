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

    public sealed record TrainingOptions(int Epochs = 20, double LearningRate = 1.0, double L2 = 1e-4, int Seed = 17);

    public static SoftmaxRegression Train(IReadOnlyList<Example> examples, int classes, int features, TrainingOptions options)
    {
        var model = new SoftmaxRegression(classes, features);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        var probabilities = new float[classes];
        var gradient = new float[classes];
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
                var any = false;
                for (var c = 0; c < classes; c++)
                {
                    var g = (float)(rate * example.Weight * (probabilities[c] - (c == example.Label ? 1 : 0)));
                    // Classes the model already rules out contribute nothing worth the update.
                    if (Math.Abs(g) < 1e-5f) g = 0;
                    gradient[c] = g;
                    any |= g != 0;
                    model._bias[c] -= g;
                }
                if (!any) continue;
                var x = example.X;
                for (var k = 0; k < x.Indices.Length; k++)
                    AddScaled(model._weights.AsSpan(x.Indices[k] * classes, classes), gradient, -x.Values[k]);
            }
            var decay = (float)Math.Max(0, 1 - rate * options.L2 * examples.Count);
            if (decay < 1)
                for (var w = 0; w < model._weights.Length; w++) model._weights[w] *= decay;
        }
        return model;
    }

    /// <summary>target += scale · source, vectorised: one feature's weights for all classes are
    /// adjacent, so an update is a contiguous run.</summary>
    private static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<float>.Count;
            for (; i + width <= target.Length; i += width)
            {
                var t = new System.Numerics.Vector<float>(target[i..]);
                var s = new System.Numerics.Vector<float>(source[i..]);
                (t + s * scale).CopyTo(target[i..]);
            }
        }
        for (; i < target.Length; i++) target[i] += source[i] * scale;
    }

    /// <summary>Class probabilities of <paramref name="x"/> into <paramref name="into"/> (length = classes).</summary>
    public void Probabilities(SparseVector x, Span<float> into)
    {
        var classes = Classes;
        _bias.CopyTo(into);
        WeightedSum(into, x);
        var max = float.NegativeInfinity;
        for (var c = 0; c < classes; c++) max = Math.Max(max, into[c]);
        float sum = 0;
        for (var c = 0; c < classes; c++) sum += into[c] = MathF.Exp(into[c] - max);
        for (var c = 0; c < classes; c++) into[c] /= sum;
    }

    /// <summary>
    /// into[c] += Σ_k x_k · W[k, c], each class's terms added in feature order, a slice of classes
    /// at a time: the running sums of a slice stay in registers across all features instead of
    /// being loaded and stored once per feature, as adding one feature's row at a time did. Every
    /// class sees the same multiplications and additions in the same order as that row-by-row
    /// <see cref="AddScaled"/> (lane-wise vector arithmetic rounds exactly as scalar, and nothing
    /// is fused), so the sums are bit for bit the same.
    /// </summary>
    private void WeightedSum(Span<float> into, SparseVector x)
    {
        var classes = Classes;
        var indices = x.Indices;
        var values = x.Values;
        ReadOnlySpan<float> weights = _weights;
        var c = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<float>.Count;
            for (; c + 2 * width <= classes; c += 2 * width)
            {
                var sum0 = new System.Numerics.Vector<float>(into[c..]);
                var sum1 = new System.Numerics.Vector<float>(into[(c + width)..]);
                for (var k = 0; k < indices.Length; k++)
                {
                    var row = weights.Slice(indices[k] * classes + c, 2 * width);
                    var scale = values[k];
                    sum0 += new System.Numerics.Vector<float>(row) * scale;
                    sum1 += new System.Numerics.Vector<float>(row[width..]) * scale;
                }
                sum0.CopyTo(into[c..]);
                sum1.CopyTo(into[(c + width)..]);
            }
            for (; c + width <= classes; c += width)
            {
                var sum = new System.Numerics.Vector<float>(into[c..]);
                for (var k = 0; k < indices.Length; k++)
                    sum += new System.Numerics.Vector<float>(weights.Slice(indices[k] * classes + c, width)) * values[k];
                sum.CopyTo(into[c..]);
            }
        }
        for (; c < classes; c++)
        {
            var sum = into[c];
            for (var k = 0; k < indices.Length; k++) sum += weights[indices[k] * classes + c] * values[k];
            into[c] = sum;
        }
    }

    public double[] Probabilities(SparseVector x)
    {
        Span<float> p = stackalloc float[Classes];
        Probabilities(x, p);
        var result = new double[Classes];
        for (var c = 0; c < Classes; c++) result[c] = p[c];
        return result;
    }
}
