namespace Baclofen.Bot.Safety.Learned;

/// <summary>
/// Logistic regression over sentence embeddings: does this message's meaning sit among the
/// corpus's emergencies? It reads what n-grams cannot (paraphrase, veiled wording) and errs
/// differently from the rules and the n-gram classifier. Each dimension is standardised by the
/// training set's mean and spread first, so one learning rate suits all of them. Immutable and
/// thread-safe once trained; scoring allocates nothing.
/// </summary>
public sealed class SemanticHead
{
    private readonly float[] _mean;
    private readonly float[] _scale;   // 1 / standard deviation
    private readonly float[] _weights;
    private readonly float _bias;

    private SemanticHead(float[] mean, float[] scale, float[] weights, float bias)
    {
        _mean = mean;
        _scale = scale;
        _weights = weights;
        _bias = bias;
    }

    public int Dimensions => _weights.Length;

    /// <summary>The weights, bias, mean and scale, for the determinism test.</summary>
    internal (float[] Weights, float Bias, float[] Mean, float[] Scale) Parameters => (_weights, _bias, _mean, _scale);

    /// <summary>The probability that the embedded message reports an emergency, 0..1.</summary>
    public double Score(ReadOnlySpan<float> embedding)
    {
        float z = _bias;
        for (int j = 0; j < _weights.Length; j++) z += (embedding[j] - _mean[j]) * _scale[j] * _weights[j];
        return LinearModel.Sigmoid(z);
    }

    /// <summary>
    /// Full-batch gradient descent (Adam) on the class-balanced log loss with L2: no sampling and
    /// the sums always taken in the same order, so the same vectors give the same weights.
    /// </summary>
    public static SemanticHead Train(IReadOnlyList<float[]> embeddings, IReadOnlyList<bool> labels, SemanticHeadTraining? settings = null)
    {
        settings ??= new SemanticHeadTraining();
        int n = embeddings.Count, d = embeddings[0].Length;
        if (n != labels.Count) throw new ArgumentException("one label per embedding", nameof(labels));

        var mean = new float[d];
        var scale = new float[d];
        foreach (var e in embeddings)
            for (int j = 0; j < d; j++) mean[j] += e[j] / n;
        foreach (var e in embeddings)
            for (int j = 0; j < d; j++) scale[j] += (e[j] - mean[j]) * (e[j] - mean[j]) / n;
        for (int j = 0; j < d; j++) scale[j] = 1f / MathF.Sqrt(scale[j] + 1e-8f);

        var x = new float[n][];
        for (int i = 0; i < n; i++)
        {
            x[i] = new float[d];
            for (int j = 0; j < d; j++) x[i][j] = (embeddings[i][j] - mean[j]) * scale[j];
        }

        // Each side weighs as much as the other in the loss, however many lines it has.
        int positives = labels.Count(l => l);
        float positiveWeight = positives == 0 ? 1 : n / (2f * positives);
        float negativeWeight = positives == n ? 1 : n / (2f * (n - positives));

        var w = new float[d];
        float b = 0;
        var gradient = new float[d];
        var m = new float[d];
        var v = new float[d];
        float mb = 0, vb = 0;
        const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
        for (int step = 1; step <= settings.Steps; step++)
        {
            Array.Clear(gradient);
            float gb = 0;
            for (int i = 0; i < n; i++)
            {
                var xi = x[i];
                float z = b;
                for (int j = 0; j < d; j++) z += xi[j] * w[j];
                float error = (LinearModel.Sigmoid(z) - (labels[i] ? 1f : 0f)) * (labels[i] ? positiveWeight : negativeWeight) / n;
                for (int j = 0; j < d; j++) gradient[j] += xi[j] * error;
                gb += error;
            }
            for (int j = 0; j < d; j++) gradient[j] += settings.L2 * w[j];

            float correction1 = 1 - MathF.Pow(beta1, step), correction2 = 1 - MathF.Pow(beta2, step);
            for (int j = 0; j < d; j++)
            {
                m[j] = beta1 * m[j] + (1 - beta1) * gradient[j];
                v[j] = beta2 * v[j] + (1 - beta2) * gradient[j] * gradient[j];
                w[j] -= settings.LearningRate * (m[j] / correction1) / (MathF.Sqrt(v[j] / correction2) + epsilon);
            }
            mb = beta1 * mb + (1 - beta1) * gb;
            vb = beta2 * vb + (1 - beta2) * gb * gb;
            b -= settings.LearningRate * (mb / correction1) / (MathF.Sqrt(vb / correction2) + epsilon);
        }

        return new SemanticHead(mean, scale, w, b);
    }
}

/// <summary>How <see cref="SemanticHead"/> is trained (the defaults are what the experiment used).</summary>
public sealed record SemanticHeadTraining
{
    public int Steps { get; init; } = 300;
    public float LearningRate { get; init; } = 0.02f;
    public float L2 { get; init; } = 1e-3f;
}
