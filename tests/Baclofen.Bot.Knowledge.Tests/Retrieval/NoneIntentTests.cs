using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Knowledge.Tests.Support;

namespace Baclofen.Bot.Knowledge.Tests.Retrieval;

/// <summary>
/// The None class trained on faq/out-of-scope.txt, on the real FAQ: clinic logistics and other
/// medicines fall back, while a message naming baclofen and a covered topic is still answered
/// (the None class must not swallow "is baclofen addictive" because "is xanax addictive" is None).
/// </summary>
public class NoneIntentTests
{
    private static readonly Lazy<FaqRetriever> Retriever = new(() => FaqRetriever.FromDirectory(Path.Combine(RepositoryRoot.Find(), "faq")));

    [Theory]
    [InlineData("What are your opening hours?")]
    [InlineData("what are your hours")]
    [InlineData("how do I book an appointment")]
    [InlineData("is xanax addictive")]
    [InlineData("what does prednisone do")]
    [InlineData("naltrexone side effects")]          // a medicine the FAQ names, asked about alone
    [InlineData("side effects of tizanidine")]       // another muscle relaxant, not baclofen
    [InlineData("is there a generic baclofen")]      // "generic" is not "generalized anxiety"
    public void Clearly_out_of_scope_messages_fall_back(string message)
    {
        Assert.Equal(RetrievalOutcome.Fallback, Retriever.Value.Retrieve(message).Outcome);
    }

    [Theory]
    [InlineData("is baclofen addictive", "addiction")]
    [InlineData("does baclofen work immediately?", "onset")]
    [InlineData("can i drink alcohol on baclofen", "alcohol-interaction")]
    [InlineData("naltrexone or baclofen for drinking, which is better", "aud-medication-comparison")]
    [InlineData("baclofen and keppra", "drug-interactions")]   // a seizure medicine's brand name
    [InlineData("does it make you sleepy", "drowsiness-driving")] // the drug not named at all
    public void Baclofen_and_a_covered_topic_are_answered(string message, string id)
    {
        var result = Retriever.Value.Retrieve(message);
        Assert.Equal(RetrievalOutcome.Answer, result.Outcome);
        Assert.Equal(id, result.Best!.Entry.Id);
    }

    [Fact]
    public void The_none_share_separates_another_medicine_from_baclofen()
    {
        var other = Retriever.Value.Rank("is xanax addictive")[0].Features.OutOfScope;
        var ours = Retriever.Value.Rank("is baclofen addictive")[0].Features.OutOfScope;
        Assert.True(other > 5 * ours, $"None share: xanax {other:0.00}, baclofen {ours:0.00}");
    }

    [Fact]
    public void Without_out_of_scope_examples_the_none_share_is_negligible()
    {
        var catalog = Baclofen.Bot.Knowledge.Faq.FaqLoader.Load(Path.Combine(RepositoryRoot.Find(), "faq"));
        var bare = new FaqRetriever(new(catalog.Entries, catalog.Disclaimers, catalog.Sources, catalog.SynonymRules));
        Assert.True(bare.Rank("What are your opening hours?")[0].Features.OutOfScope < 0.01);
    }
}
