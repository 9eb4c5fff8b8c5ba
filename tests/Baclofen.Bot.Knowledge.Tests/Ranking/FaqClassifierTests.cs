using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Knowledge.Tests.Support;

namespace Baclofen.Bot.Knowledge.Tests.Ranking;

public class FaqClassifierTests
{
    private static readonly FaqCatalog Catalog = FaqLoader.Load(FaqDirectory.Fixture);

    [Fact]
    public void Building_twice_gives_identical_probabilities()
    {
        var a = new FaqRetriever(Catalog).Classifier.Predict("can i stop baclofen suddenly");
        var b = new FaqRetriever(Catalog).Classifier.Predict("can i stop baclofen suddenly");
        Assert.Equal(a.Probabilities, b.Probabilities);
    }

    [Fact]
    public void Trains_on_every_question_and_puts_a_curated_question_first()
    {
        var retriever = new FaqRetriever(Catalog);
        Assert.True(retriever.Classifier.ExampleCount >= Catalog.Entries.Sum(e => e.Questions.Count));
        var entry = Catalog["withdrawal"];
        var p = retriever.Classifier.Predict(entry.CanonicalQuestion).Probabilities;
        Assert.Equal(Catalog.Entries.ToList().IndexOf(entry), Array.IndexOf(p, p.Max()));
    }

    [Fact]
    public void A_message_in_words_the_faq_never_uses_is_mostly_unseen()
    {
        var unseen = new FaqRetriever(Catalog).Classifier.Predict("zebra quantum spreadsheet").UnseenTermShare;
        Assert.Equal(1.0, unseen, 6);
    }
}
