using Baclofen.Bot.Knowledge.Analysis;

namespace Baclofen.Bot.Knowledge.Tests.Analysis;

public class StandardTokenizerTests
{
    private static string[] Tokens(string text) => new StandardTokenizer().Tokenize(text).Select(t => t.Term).ToArray();

    [Fact]
    public void Punctuation_separates_words_and_is_dropped()
    {
        Assert.Equal(["Does", "baclofen", "work", "right", "away"], Tokens("Does baclofen work... right away?!"));
    }

    [Fact]
    public void Units_glued_to_numbers_are_split_off()
    {
        Assert.Equal(["took", "10", "mg", "20", "min", "ago"], Tokens("took 10mg 20min ago"));
    }

    [Fact]
    public void Decimal_numbers_stay_whole()
    {
        Assert.Equal(["2.5", "mg"], Tokens("2.5mg."));
    }

    [Fact]
    public void Ordinals_stay_whole()
    {
        Assert.Equal(["my", "2nd", "dose"], Tokens("my 2nd dose"));
    }

    [Fact]
    public void Apostrophes_inside_words_are_kept_and_curly_ones_normalised()
    {
        Assert.Equal(["don't", "mom's", "it's"], Tokens("don't mom’s 'it's'"));
    }

    [Fact]
    public void Hyphenated_words_are_split()
    {
        Assert.Equal(["long", "term", "GABA", "B"], Tokens("long-term GABA-B"));
    }

    [Fact]
    public void Offsets_point_back_into_the_text()
    {
        var token = new StandardTokenizer().Tokenize("  baclofen!").Single();
        Assert.Equal((2, 10), (token.StartOffset, token.EndOffset));
    }
}
