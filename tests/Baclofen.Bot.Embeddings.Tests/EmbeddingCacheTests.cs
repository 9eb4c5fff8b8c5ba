using Baclofen.Bot.Embeddings;

namespace Baclofen.Bot.Embeddings.Tests;

public sealed class EmbeddingCacheTests
{
    private static float[] V(float x) => [x, x + 1, x + 2];

    [Fact]
    public void Returns_what_was_added_for_the_same_text_and_role_only()
    {
        var cache = new EmbeddingCache(4);
        cache.Add("side effects", TextRole.Query, V(1));
        var found = new float[3];
        Assert.True(cache.TryGet("side effects", TextRole.Query, found));
        Assert.Equal(V(1), found);
        Assert.False(cache.TryGet("side effects", TextRole.Document, found));
        Assert.False(cache.TryGet("side effect", TextRole.Query, found));
    }

    [Fact]
    public void Evicts_the_least_recently_used_at_capacity()
    {
        var cache = new EmbeddingCache(2);
        var buffer = new float[3];
        cache.Add("a", TextRole.Query, V(1));
        cache.Add("b", TextRole.Query, V(2));
        Assert.True(cache.TryGet("a", TextRole.Query, buffer)); // a is now the most recent
        cache.Add("c", TextRole.Query, V(3));                   // so b goes

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("a", TextRole.Query, buffer));
        Assert.False(cache.TryGet("b", TextRole.Query, buffer));
        Assert.True(cache.TryGet("c", TextRole.Query, buffer));
        Assert.Equal(V(3), buffer);
    }

    [Fact]
    public void Adding_a_text_again_replaces_its_vector_without_growing()
    {
        var cache = new EmbeddingCache(2);
        cache.Add("a", TextRole.Query, V(1));
        cache.Add("a", TextRole.Query, V(5));
        var buffer = new float[3];
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("a", TextRole.Query, buffer));
        Assert.Equal(V(5), buffer);
    }

    [Fact]
    public void Keeps_a_copy_not_the_callers_buffer()
    {
        var cache = new EmbeddingCache(2);
        var vector = V(1);
        cache.Add("a", TextRole.Query, vector);
        vector[0] = 99;
        var buffer = new float[3];
        cache.TryGet("a", TextRole.Query, buffer);
        Assert.Equal(1, buffer[0]);
    }

    [Fact]
    public void Stays_bounded_under_concurrent_use()
    {
        var cache = new EmbeddingCache(16);
        Parallel.For(0, 2000, i =>
        {
            var buffer = new float[3];
            cache.Add($"t{i % 64}", TextRole.Query, V(i % 64));
            if (cache.TryGet($"t{i % 64}", TextRole.Query, buffer)) Assert.Equal(i % 64, buffer[0]);
        });
        Assert.Equal(16, cache.Count);
    }

    [Fact]
    public void The_caching_encoder_runs_the_model_once_per_text_and_role()
    {
        var counting = new CountingEncoder();
        var encoder = new CachingSentenceEncoder(counting, new EmbeddingCache(8));
        var first = encoder.EncodeQuery("hello");
        var again = encoder.EncodeQuery("hello");
        encoder.EncodeDocument("hello");
        Assert.Equal(first, again);
        Assert.Equal(2, counting.Calls);
    }

    private sealed class CountingEncoder : ISentenceEncoder
    {
        public int Calls { get; private set; }

        public int Dimensions => 3;

        public void Encode(string text, TextRole role, Span<float> destination)
        {
            Calls++;
            destination[0] = text.Length;
            destination[1] = (int)role;
            destination[2] = Calls;
        }
    }
}
