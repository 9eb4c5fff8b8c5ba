using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Knowledge.Tests.Support;

namespace Baclofen.Bot.Knowledge.Tests.Retrieval;

public class FaqRetrieverTests
{
    private static readonly FaqRetriever Retriever = FaqRetriever.FromDirectory(FaqDirectory.Fixture);

    [Theory]
    [InlineData("Does baclofen work immediately?", "onset")]
    [InlineData("what are the withdrawal symptoms of baclofen", "withdrawal")]
    [InlineData("Can I drink alcohol while taking baclofen?", "alcohol-interaction")]
    public void A_curated_question_is_answered_by_its_entry(string message, string id)
    {
        var result = Retriever.Retrieve(message);
        Assert.Equal(RetrievalOutcome.Answer, result.Outcome);
        Assert.Equal(id, result.Best!.Entry.Id);
    }

    [Theory]
    [InlineData("when does baclofen kick in", "onset")]            // multi-word synonym of "start working"
    [InlineData("is booze ok with baclofen", "alcohol-interaction")] // single-word synonym
    [InlineData("renal problems and baclofen", "kidney-disease")]
    [InlineData("lioresal and kidney trouble", "kidney-disease")]  // explicit mapping to baclofen
    public void Synonyms_lead_to_the_entry(string message, string id)
    {
        Assert.Equal(id, Retriever.Rank(message)[0].Entry.Id);
    }

    [Theory]
    [InlineData("baclophen withdrawl symptoms", "withdrawal")]
    [InlineData("withdrawl from baclofen", "withdrawal")]
    [InlineData("baclofen and alcohool", "alcohol-interaction")]
    public void Typos_still_find_the_entry(string message, string id)
    {
        Assert.Equal(id, Retriever.Rank(message)[0].Entry.Id);
    }

    [Theory]
    [InlineData("how do I make banana bread")]
    [InlineData("what's the weather tomorrow")]
    [InlineData("hi")]
    [InlineData("who are you")]
    [InlineData("")]
    [InlineData("?!")]
    public void Unrelated_messages_are_not_answered(string message)
    {
        Assert.NotEqual(RetrievalOutcome.Answer, Retriever.Retrieve(message).Outcome);
    }

    [Fact]
    public void Nothing_in_the_faq_gives_an_empty_fallback()
    {
        var result = Retriever.Retrieve("how do I make banana bread");
        Assert.Equal(RetrievalOutcome.Fallback, result.Outcome);
        Assert.Empty(result.Candidates);
    }

    [Theory]
    [InlineData("can I stop baclofen suddenly")]
    [InlineData("baclofen side effects")]
    [InlineData("baclofen")]
    public void Confidences_are_probabilities_and_candidates_come_best_first(string message)
    {
        var ranked = Retriever.Rank(message);
        Assert.NotEmpty(ranked);
        Assert.All(ranked, r => Assert.InRange(r.Confidence, 0, 1));
        Assert.Equal(ranked.OrderByDescending(r => r.Features.Probability).Select(r => r.Entry.Id), ranked.Select(r => r.Entry.Id));
    }

    [Fact]
    public void A_better_match_gets_a_higher_confidence()
    {
        var exact = Retriever.Rank("What are the common side effects of baclofen?")[0];
        var vague = Retriever.Rank("baclofen effects on me")[0];
        Assert.Equal("side-effects-common", exact.Entry.Id);
        Assert.True(exact.Confidence > vague.Confidence);
    }

    [Fact]
    public void Clarify_offers_two_or_three_plausible_entries()
    {
        var catalog = FaqLoader.Load(FaqDirectory.Fixture);
        var alwaysClarify = new FaqRetriever(catalog, new RetrievalOptions { AnswerThreshold = 1.01, ClarifyThreshold = 0, ClarifyCloseness = 0 });
        var result = alwaysClarify.Retrieve("stop baclofen suddenly");
        Assert.Equal(RetrievalOutcome.Clarify, result.Outcome);
        Assert.InRange(result.Candidates.Count, 2, 3);
        Assert.Contains(result.Candidates, c => c.Entry.Id == "withdrawal");
        Assert.Contains(result.Candidates, c => c.Entry.Id == "stopping");
    }

    [Fact]
    public void A_close_runner_up_turns_an_answer_into_a_clarify_when_a_margin_is_required()
    {
        var catalog = FaqLoader.Load(FaqDirectory.Fixture);
        var strict = new FaqRetriever(catalog, new RetrievalOptions { AnswerThreshold = 0, ClarifyThreshold = 0, AnswerMargin = 1.0 });
        Assert.Equal(RetrievalOutcome.Clarify, strict.Retrieve("stop baclofen suddenly").Outcome);
    }

    [Fact]
    public void Close_entries_that_together_are_likely_are_offered_instead_of_the_fallback()
    {
        var catalog = FaqLoader.Load(FaqDirectory.Fixture);
        var ranked = Retriever.Rank("stop baclofen suddenly");
        // A threshold above the leader's own confidence, but below what it and its runner-up reach
        // together (above 1 when the leader is sure: only the comparison matters here).
        var threshold = ranked[0].Confidence + ranked[1].Confidence / 2;
        var split = new FaqRetriever(catalog, new RetrievalOptions { ClarifyThreshold = threshold, AnswerThreshold = threshold, ClarifyCloseness = 0 });
        Assert.Equal(RetrievalOutcome.Clarify, split.Retrieve("stop baclofen suddenly").Outcome);
        var off = new FaqRetriever(catalog, new RetrievalOptions { ClarifyThreshold = threshold, AnswerThreshold = threshold, ClarifyCloseness = 0, ClarifyWhenSplit = false });
        Assert.Equal(RetrievalOutcome.Fallback, off.Retrieve("stop baclofen suddenly").Outcome);
    }

    [Fact]
    public void A_question_wrapped_in_chatter_finds_the_same_entry()
    {
        Assert.Equal("onset", Retriever.Rank("hi, random question lol, my dad says he read online that baclofen works immediately, does it?")[0].Entry.Id);
    }

    [Fact]
    public void The_answer_carries_only_the_answering_entry()
    {
        var result = Retriever.Retrieve("Does baclofen work immediately?");
        Assert.Single(result.Candidates);
    }

    [Fact]
    public void Index_and_query_share_one_analysis_so_synonyms_apply_both_ways()
    {
        // "drinking" is in the alcohol group; the fixture's questions say "alcohol".
        Assert.Equal("alcohol-interaction", Retriever.Rank("drinking on baclofen")[0].Entry.Id);
        // and the fixture's keywords say "kick in" while the message says "take effect".
        Assert.Equal("onset", Retriever.Rank("how long for baclofen to take effect")[0].Entry.Id);
    }
}
