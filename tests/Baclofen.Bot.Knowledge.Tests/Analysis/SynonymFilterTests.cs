using Baclofen.Bot.Knowledge.Analysis;

namespace Baclofen.Bot.Knowledge.Tests.Analysis;

public class SynonymFilterTests
{
    private static Analyzer AnalyzerWith(params string[] lines)
    {
        var (rules, errors) = SynonymRuleParser.Parse(lines);
        Assert.Empty(errors);
        return EnglishFaqAnalyzer.Create(rules);
    }

    private static HashSet<string> Terms(Analyzer analyzer, string text) => analyzer.Terms(text).ToHashSet();

    [Fact]
    public void Single_word_equivalents_share_a_concept_term_in_both_directions()
    {
        var analyzer = AnalyzerWith("booze, alcohol");
        var concept = Terms(analyzer, "alcohol").Single(t => t.StartsWith(SynonymMap.ConceptPrefix));
        Assert.Contains(concept, Terms(analyzer, "booze"));
        Assert.Contains(concept, Terms(analyzer, "Alcohol and beer"));
    }

    [Fact]
    public void Multi_word_equivalents_match_each_other_and_a_single_word()
    {
        var analyzer = AnalyzerWith("kick in, take effect, start working, onset");
        var concept = Terms(analyzer, "onset").Single(t => t.StartsWith(SynonymMap.ConceptPrefix));
        Assert.Contains(concept, Terms(analyzer, "when does it kick in"));
        Assert.Contains(concept, Terms(analyzer, "how long until it takes effect"));
        Assert.Contains(concept, Terms(analyzer, "it started working"));
    }

    [Fact]
    public void Equivalence_keeps_the_original_words()
    {
        var terms = Terms(AnalyzerWith("take effect, kick in"), "take effect");
        Assert.Contains("take", terms);
        Assert.Contains("effect", terms);
    }

    [Fact]
    public void A_partial_phrase_does_not_fire_the_synonym()
    {
        var terms = Terms(AnalyzerWith("take effect, kick in"), "take it with food");
        Assert.DoesNotContain(terms, t => t.StartsWith(SynonymMap.ConceptPrefix));
    }

    [Fact]
    public void Explicit_mapping_replaces_its_input()
    {
        var analyzer = AnalyzerWith("lioresal, ozobax => baclofen");
        Assert.Equal(["baclofen", "dose"], analyzer.Terms("Lioresal dose"));
    }

    [Fact]
    public void Explicit_mapping_can_output_several_words()
    {
        var analyzer = AnalyzerWith("aud => alcohol use disorder");
        Assert.Equal(["alcohol", "us", "disord"], analyzer.Terms("AUD"));
    }

    [Fact]
    public void Longest_match_wins()
    {
        var analyzer = AnalyzerWith("muscle relaxer, antispastic", "muscle, brawn");
        var terms = Terms(analyzer, "muscle relaxer");
        Assert.Contains(Terms(analyzer, "antispastic").Single(t => t.StartsWith(SynonymMap.ConceptPrefix)), terms);
        Assert.DoesNotContain(Terms(analyzer, "brawn").Single(t => t.StartsWith(SynonymMap.ConceptPrefix)), terms);
    }

    [Theory]
    [InlineData("a, b => c => d", 1)]
    [InlineData("a,, b", 1)]
    [InlineData("=> baclofen", 1)]
    [InlineData("lioresal =>", 1)]
    [InlineData("lonely", 1)]
    public void Malformed_lines_are_reported_with_their_number(string line, int expectedLine)
    {
        var (_, errors) = SynonymRuleParser.Parse(["# comment", "", line]);
        Assert.Equal(expectedLine + 2, Assert.Single(errors).LineNumber);
    }

    [Fact]
    public void Comments_and_blank_lines_are_ignored()
    {
        var (rules, errors) = SynonymRuleParser.Parse(["# header", "", "a, b # trailing comment"]);
        Assert.Empty(errors);
        Assert.Equal(["a", "b"], Assert.Single(rules).Inputs);
    }
}
