namespace Baclofen.Bot.Safety.Learned;

/// <summary>
/// Trains a <see cref="LinearModel"/> by stochastic gradient descent on the log loss, with L2
/// shrinkage of the weights a step touches. Deterministic by construction: one thread, the
/// examples visited in an order drawn from a fixed seed, the same float operations in the same
/// order on every run, so the same corpus always gives the same weights.
/// </summary>
internal sealed class SgdTrainer
{
    public int Epochs { get; init; } = 20;
    public float LearningRate { get; init; } = 1.5f;
    public float L2 { get; init; } = 3e-4f;
    public ulong Seed { get; init; } = 20261208;

    /// <param name="features">Each example's hashed features.</param>
    /// <param name="labels">For one output, 0 or 1; for several, the class index.</param>
    /// <param name="weights">Each example's weight in the loss (class balance), or null for 1.</param>
    public LinearModel Train(int bits, int outputs, IReadOnlyList<uint[]> features, IReadOnlyList<int> labels, IReadOnlyList<float>? weights = null)
    {
        var model = new LinearModel(bits, outputs);
        var w = model.Weights;
        var bias = model.Bias;
        var order = new int[features.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var random = new SplitMix64(Seed);
        Span<float> p = stackalloc float[outputs];

        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            float rate = LearningRate / (1 + 0.3f * epoch);
            foreach (int i in order)
            {
                var x = features[i];
                model.Logits(x, p);
                if (outputs == 1) p[0] = LinearModel.Sigmoid(p[0]);
                else LinearModel.Softmax(p);
                float exampleWeight = weights?[i] ?? 1f;
                for (int k = 0; k < outputs; k++)
                {
                    float target = outputs == 1 ? labels[i] : labels[i] == k ? 1 : 0;
                    p[k] = (p[k] - target) * exampleWeight;
                    bias[k] -= rate * p[k];
                }
                float scale = x.Length == 0 ? 0 : 1f / MathF.Sqrt(x.Length);
                foreach (var hash in x)
                {
                    int slot = model.Slot(hash, out float sign);
                    for (int k = 0; k < outputs; k++)
                        w[slot + k] -= rate * (p[k] * sign * scale + L2 * w[slot + k]);
                }
            }
        }
        return model;
    }
}

/// <summary>Our own small PRNG (SplitMix64), so shuffles never depend on the runtime's Random.</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public void Shuffle(int[] items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)(Next() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
