using System.Runtime.CompilerServices;

namespace Baclofen.Bot.Safety.Learned;

/// <summary>
/// A linear model over hashed n-grams: one output is logistic regression, several are
/// multinomial (softmax) regression. Weights sit in one array, a bucket's outputs side by side,
/// so a feature touches one cache line. Immutable once trained; scoring allocates nothing.
/// </summary>
internal sealed class LinearModel
{
    public const int MaxOutputs = 8;

    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly uint _mask;

    public LinearModel(int bits, int outputs)
    {
        if (outputs is < 1 or > MaxOutputs) throw new ArgumentOutOfRangeException(nameof(outputs));
        Bits = bits;
        Outputs = outputs;
        _mask = (1u << bits) - 1;
        _weights = new float[(1 << bits) * outputs];
        _bias = new float[outputs];
    }

    public int Bits { get; }
    public int Outputs { get; }

    internal float[] Weights => _weights;
    internal float[] Bias => _bias;

    /// <summary>The index of a hashed feature's first weight and its sign (hash collisions then
    /// cancel out on average instead of adding up).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Slot(uint hash, out float sign)
    {
        sign = (int)hash < 0 ? -1f : 1f;
        return (int)(hash & _mask) * Outputs;
    }

    /// <summary>The outputs' raw scores (logits) for a message.</summary>
    public void Logits(ReadOnlySpan<char> text, Span<float> logits)
    {
        var sink = new Accumulator(this);
        int count = HashedNGrams.Extract(text, ref sink);
        float scale = count == 0 ? 0 : 1f / MathF.Sqrt(count);
        for (int k = 0; k < Outputs; k++) logits[k] = _bias[k] + sink.Sums[k] * scale;
    }

    /// <summary>The logits of features already extracted (training and cross-validation).</summary>
    public void Logits(uint[] features, Span<float> logits)
    {
        float scale = features.Length == 0 ? 0 : 1f / MathF.Sqrt(features.Length);
        Span<float> sums = stackalloc float[Outputs];
        sums.Clear();
        foreach (var hash in features)
        {
            int slot = Slot(hash, out float sign);
            for (int k = 0; k < Outputs; k++) sums[k] += sign * _weights[slot + k];
        }
        for (int k = 0; k < Outputs; k++) logits[k] = _bias[k] + sums[k] * scale;
    }

    public static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));

    /// <summary>Turns logits into probabilities in place.</summary>
    public static void Softmax(Span<float> logits)
    {
        float max = float.NegativeInfinity;
        foreach (var z in logits) max = MathF.Max(max, z);
        float sum = 0;
        for (int k = 0; k < logits.Length; k++) sum += logits[k] = MathF.Exp(logits[k] - max);
        for (int k = 0; k < logits.Length; k++) logits[k] /= sum;
    }

    [InlineArray(MaxOutputs)]
    private struct Sums
    {
        private float _first;
    }

    private struct Accumulator(LinearModel model) : IFeatureSink
    {
        public Sums Sums;

        public void Add(uint hash)
        {
            int slot = model.Slot(hash, out float sign);
            var weights = model._weights;
            for (int k = 0; k < model.Outputs; k++) Sums[k] += sign * weights[slot + k];
        }
    }
}
