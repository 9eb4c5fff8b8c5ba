using Baclofen.Bot.Knowledge.Analysis;
using Baclofen.Bot.Knowledge.Search;

namespace Baclofen.Bot.Knowledge.Tests.Search;

public class FuzzyQueryTests
{
    private static readonly string[] Vocabulary =
        ["baclofen", "withdraw", "kidnei", "liver", "alcohol", "dose", "pregnanc", "sleep"];

    private static string? Correct(string typed)
    {
        var stem = PorterStemmer.Stem(typed);
        return new FuzzyQuery(Vocabulary).Expand(stem).FirstOrDefault()?.Term;
    }

    [Theory]
    [InlineData("baclophen", "baclofen")]
    [InlineData("backlofen", "baclofen")]
    [InlineData("withdrawl", "withdraw")]
    [InlineData("alchohol", "alcohol")]
    [InlineData("alcohl", "alcohol")]
    public void Typos_find_the_intended_term(string typed, string expected)
    {
        Assert.Equal(expected, Correct(typed));
    }

    [Theory]
    [InlineData("prednisone")]
    [InlineData("do")]
    [InlineData("cat")]
    public void Unrelated_or_very_short_words_find_nothing(string typed)
    {
        Assert.Null(Correct(typed));
    }

    [Fact]
    public void A_correction_weighs_less_than_an_exact_term()
    {
        var expansion = new FuzzyQuery(Vocabulary).Expand("withdrawl").Single();
        Assert.InRange(expansion.Weight, 0.5, 0.99);
    }

    [Theory]
    [InlineData("withdrawl", "withdrawal", 1)]
    [InlineData("teh", "the", 1)]
    [InlineData("baclophen", "baclofen", 2)]
    [InlineData("same", "same", 0)]
    public void Damerau_levenshtein_counts_a_transposition_as_one_edit(string a, string b, int distance)
    {
        Assert.Equal(distance, DamerauLevenshtein.Distance(a, b, 5));
    }

    [Fact]
    public void Distance_beyond_the_maximum_is_reported_as_max_plus_one()
    {
        Assert.Equal(3, DamerauLevenshtein.Distance("kidney", "baclofen", 2));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(5, 0)]
    [InlineData(6, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    public void Fuzziness_grows_with_term_length(int length, int edits)
    {
        Assert.Equal(edits, new FuzzyQuery([]).MaxEdits(length));
    }
}
