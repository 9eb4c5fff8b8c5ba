using Baclofen.Bot.Embeddings;

namespace Baclofen.Bot.Embeddings.Tests;

/// <summary>
/// The model has to understand paraphrase that shares no words with the question it matches,
/// which is why it is here at all. Each case: a user's query, the question it means and a question
/// it does not mean (both as documents); the query must be closer to the first. These can fail:
/// a wrong pooling, a missing prefix or a broken tokenizer scramble them.
/// </summary>
public sealed class SemanticSanityTests(ArcticXsFixture model) : IClassFixture<ArcticXsFixture>
{
    [Theory]
    [InlineData("can it hurt the baby", "Is baclofen safe during pregnancy?", "Can I drive while taking baclofen?")]
    [InlineData("before a long road trip", "Can I drive while taking baclofen?", "Is baclofen safe during pregnancy?")]
    [InlineData("wat r the side affects", "What are the common side effects of baclofen?", "How should I store baclofen?")]
    [InlineData("is it ok with a glass of wine", "Can I drink alcohol while taking baclofen?", "What happens if I miss a dose?")]
    [InlineData("I forgot to take my pill this morning", "What happens if I miss a dose?", "Can I drink alcohol while taking baclofen?")]
    [InlineData("how does it relax the muscles", "How does baclofen work?", "How should I store baclofen?")]
    [InlineData("can I quit cold turkey", "Can I stop taking baclofen suddenly?", "What is the usual starting dose?")]
    [InlineData("where should I keep the bottle", "How should I store baclofen?", "How does baclofen work?")]
    public void A_query_is_closer_to_the_question_it_means(string query, string meant, string other)
    {
        var encoder = model.Encoder;
        var q = encoder.EncodeQuery(query);
        var toMeant = VectorMath.Cosine(q, encoder.EncodeDocument(meant));
        var toOther = VectorMath.Cosine(q, encoder.EncodeDocument(other));
        Assert.True(toMeant > toOther, $"cos(meant) {toMeant:0.000} <= cos(other) {toOther:0.000}");
    }
}
