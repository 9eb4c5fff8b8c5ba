using Baclofen.Bot.Knowledge.Analysis;

namespace Baclofen.Bot.Knowledge.Tests.Analysis;

public class AnalysisChainTests
{
    private static IReadOnlyList<string> Terms(string text) => EnglishFaqAnalyzer.CreateBase().Terms(text);

    [Fact]
    public void Question_words_pronouns_and_auxiliaries_are_stop_words()
    {
        Assert.Equal(["baclofen", "work"], Terms("What does my baclofen do to work?"));
    }

    [Fact]
    public void Conversational_wrapping_is_not_content()
    {
        Assert.Equal(["baclofen", "opioid"], Terms("honestly my cousin says baclofen is an opioid, is that true lol"));
    }

    [Fact]
    public void Negations_survive_the_stop_filter()
    {
        Assert.Contains("not", Terms("I can't sleep"));
        Assert.Contains("not", Terms("dont stop it"));
        Assert.Contains("no", Terms("no appetite"));
        Assert.Contains("without", Terms("without a prescription"));
    }

    [Fact]
    public void Words_that_carry_the_question_are_not_stop_words()
    {
        Assert.Equal(["long", "wait", "stop"], Terms("how long do I have to wait to stop"));
        Assert.Equal(["took", "too", "much"], Terms("what if I took too much"));
    }

    [Fact]
    public void Possessives_are_removed_before_stemming()
    {
        Assert.Equal(["doctor", "order", "baclofen"], Terms("the doctor's orders, baclofen’s"));
    }

    [Fact]
    public void Upper_case_and_inflection_do_not_matter()
    {
        Assert.Equal(Terms("WITHDRAWAL Symptoms"), Terms("withdrawal symptom"));
    }

    [Fact]
    public void Chat_spellings_of_function_words_are_stop_words_too()
    {
        // As unknown words they counted against the message ("wat is baclofin prescribed for").
        Assert.Equal(Terms("what is baclofen prescribed for"), Terms("wat is baclofen prescribed for"));
        Assert.Equal(["stop", "baclofen"], Terms("r u gonna stop ur baclofen"));
    }

    [Fact]
    public void Stemmer_overrides_keep_words_porter_would_join_to_unrelated_ones()
    {
        // Porter alone stems both to "gener": "generic baclofen" would match "generalized anxiety".
        Assert.Equal("gener", PorterStemmer.Stem("generic"));
        Assert.Equal(["generic", "baclofen"], Terms("generics of baclofen"));
        Assert.Equal(["gener", "anxieti"], Terms("generalized anxiety"));
        Assert.Equal(["work"], new PorterStemFilter().Apply([new Token("working", 0, 0, 7)]).Select(t => t.Term));
    }

    [Fact]
    public void Stop_filter_drops_only_listed_terms()
    {
        var filter = new StopFilter(new HashSet<string> { "the" });
        var tokens = filter.Apply([new Token("the", 0, 0, 3), new Token("dose", 1, 4, 8)]).ToList();
        Assert.Equal(["dose"], tokens.Select(t => t.Term));
    }
}
