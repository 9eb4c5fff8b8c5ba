using Baclofen.Bot.Embeddings;

namespace Baclofen.Bot.Embeddings.Tests;

/// <summary>One real model for the whole test class: it is build output of the project under test.</summary>
public sealed class ArcticXsFixture : IDisposable
{
    public OnnxSentenceEncoder Encoder { get; } = new(SentenceEncoderOptions.ArcticXs());

    public void Dispose() => Encoder.Dispose();
}
