using Baclofen.Bot.Embeddings;

namespace Baclofen.Bot.Embeddings.Tests;

public sealed class OnnxSentenceEncoderTests(ArcticXsFixture model) : IClassFixture<ArcticXsFixture>
{
    private readonly OnnxSentenceEncoder _encoder = model.Encoder;

    [Fact]
    public void The_model_is_build_output_and_has_384_dimensions()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "models", "arctic-xs", "model.onnx")));
        Assert.Equal(384, _encoder.Dimensions);
    }

    [Fact]
    public void The_same_text_gives_the_same_vector()
    {
        var first = _encoder.EncodeQuery("can I drink alcohol while taking it?");
        var second = _encoder.EncodeQuery("can I drink alcohol while taking it?");
        Assert.Equal(first, second);
    }

    [Fact]
    public void Vectors_have_unit_length()
    {
        foreach (var text in new[] { "hi", "what are the side effects of baclofen", "a b c d e f g" })
        {
            var vector = _encoder.EncodeDocument(text);
            var norm = MathF.Sqrt(vector.Sum(x => x * x));
            Assert.InRange(norm, 0.999f, 1.001f);
        }
    }

    [Fact]
    public void A_query_and_a_document_of_the_same_text_differ()
    {
        var query = _encoder.EncodeQuery("is it safe during pregnancy");
        var document = _encoder.EncodeDocument("is it safe during pregnancy");
        Assert.NotEqual(query, document);
        // Still the same meaning: the prefix shifts the vector, it does not replace it.
        Assert.True(VectorMath.Cosine(query, document) > 0.6f);
    }

    [Fact]
    public void Writes_into_a_callers_span_and_leaves_the_rest_alone()
    {
        var buffer = new float[_encoder.Dimensions + 4];
        buffer.AsSpan(_encoder.Dimensions).Fill(7f);
        _encoder.EncodeQuery("how long does withdrawal last", buffer);
        Assert.Equal(_encoder.EncodeQuery("how long does withdrawal last"), buffer[.._encoder.Dimensions]);
        Assert.All(buffer[_encoder.Dimensions..], x => Assert.Equal(7f, x));
    }

    [Fact]
    public void A_span_too_short_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _encoder.EncodeQuery("hello", new float[10]));
    }

    [Fact]
    public void A_long_text_is_truncated_to_128_tokens_not_thrown()
    {
        // About 300 word pieces in under 2,000 characters: the tokenizer, not the character cut, truncates it.
        var opening = "my mother takes baclofen for her back and she gets very dizzy in the afternoon. ";
        var longText = opening + string.Concat(Enumerable.Repeat("the weather was nice and we went to the park again. ", 24));
        Assert.True(longText.Length < 2000);
        var vector = _encoder.EncodeDocument(longText);
        Assert.All(vector, x => Assert.True(float.IsFinite(x)));
        // Only the first 128 tokens count: anything after them changes nothing...
        Assert.Equal(vector, _encoder.EncodeDocument(longText + " something completely different about cars"));
        // ...while a change inside them does.
        Assert.NotEqual(vector, _encoder.EncodeDocument(longText.Replace("dizzy", "sleepy")));
    }

    [Fact]
    public void A_pasted_book_is_encoded_too()
    {
        var book = string.Concat(Enumerable.Repeat("baclofen is a muscle relaxant. ", 20_000));
        var vector = _encoder.EncodeDocument(book);
        Assert.InRange(MathF.Sqrt(vector.Sum(x => x * x)), 0.999f, 1.001f);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Empty_or_whitespace_text_gives_a_finite_unit_vector(string text)
    {
        var vector = _encoder.EncodeQuery(text);
        Assert.All(vector, x => Assert.True(float.IsFinite(x)));
        Assert.InRange(MathF.Sqrt(vector.Sum(x => x * x)), 0.999f, 1.001f);
    }

    [Fact]
    public void Concurrent_callers_get_the_same_vectors_as_one_caller()
    {
        var texts = new[] { "does it make you sleepy", "can I stop suddenly", "what is it used for", "is it addictive" };
        var expected = texts.Select(_encoder.EncodeQuery).ToArray();
        var results = new float[texts.Length * 4][];
        Parallel.For(0, results.Length, i => results[i] = _encoder.EncodeQuery(texts[i % texts.Length]));
        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % texts.Length], results[i]);
    }
}
