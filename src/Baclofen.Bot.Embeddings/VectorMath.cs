using System.Numerics.Tensors;

namespace Baclofen.Bot.Embeddings;

/// <summary>Vector helpers over spans (SIMD through System.Numerics.Tensors).</summary>
public static class VectorMath
{
    /// <summary>Cosine of two L2-normalised vectors.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    /// <summary>Scales to unit length; a zero vector stays zero rather than becoming NaN.</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm((ReadOnlySpan<float>)vector);
        if (norm > 0f) TensorPrimitives.Divide(vector, norm, vector);
    }
}
