using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Tests;

public class FuzzyWordMatcherTests
{
    private static readonly FuzzyWordMatcher Matcher = new(
        new Dictionary<string, string>
        {
            ["seizure"] = "SEIZURE", ["breathing"] = "BREATHE", ["unconscious"] = "UNCONSCIOUS", ["tongue"] = "FACE", ["fit"] = "FIT",
        },
        fuzzyWords: ["seizure", "breathing", "unconscious", "tongue", "fit"],
        protectedWords: ["leisure"]);

    [Theory]
    [InlineData("siezure", "SEIZURE")]
    [InlineData("seizur", "SEIZURE")]
    [InlineData("breething", "BREATHE")]
    [InlineData("unconsious", "UNCONSCIOUS")]
    [InlineData("tounge", "FACE")]
    public void Typos_reach_the_intended_word(string typed, string meaning)
        => Assert.Equal(meaning, Matcher.Match(typed));

    [Theory]
    [InlineData("fat")]
    [InlineData("fix")]
    [InlineData("sizure2")]
    [InlineData("weizure")]
    public void Short_words_and_wrong_first_letters_are_not_corrected(string typed)
        => Assert.Null(Matcher.Match(typed));

    [Fact]
    public void Protected_real_words_are_left_alone()
        => Assert.Null(Matcher.Match("leisure"));

    [Fact]
    public void Long_words_tolerate_two_slips_short_ones_one()
    {
        Assert.Equal("UNCONSCIOUS", Matcher.Match("unkonsious"));
        Assert.Null(Matcher.Match("sezur"));
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(5, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    public void Allowed_edits_grow_with_length(int length, int edits)
        => Assert.Equal(edits, FuzzyWordMatcher.AllowedEdits(length));
}
