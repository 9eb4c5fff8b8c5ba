using Baclofen.Bot.Safety.Recognizers;

namespace Baclofen.Bot.Safety.Tests;

public class NumberRecognizerTests
{
    private static readonly NumberRecognizer Recognizer = new();

    [Theory]
    [InlineData("20", 20)]
    [InlineData("2.5", 2.5)]
    [InlineData("twenty", 20)]
    [InlineData("twenty-five", 25)]
    [InlineData("twenty five", 25)]
    [InlineData("one hundred and fifty", 150)]
    [InlineData("a hundred", 100)]
    [InlineData("three hundred", 300)]
    [InlineData("two thousand", 2000)]
    [InlineData("a dozen", 12)]
    [InlineData("two dozen", 24)]
    [InlineData("half", 0.5)]
    [InlineData("two and a half", 2.5)]
    [InlineData("a couple", 2)]
    [InlineData("a few", 3)]
    [InlineData("FORTY", 40)]
    public void Reads_the_value(string text, double expected)
    {
        var result = Assert.Single(Recognizer.Recognize(text));

        Assert.Equal(expected, result.Resolution);
        Assert.Equal(NumberRecognizer.TypeName, result.TypeName);
    }

    [Fact]
    public void Reports_positions_like_microsoft_recognizers()
    {
        var result = Assert.Single(Recognizer.Recognize("i took twenty-five of them"));

        Assert.Equal("twenty-five", result.Text);
        Assert.Equal(7, result.Start);
        Assert.Equal(17, result.End);
    }

    [Fact]
    public void Finds_every_number_in_a_sentence()
    {
        var values = Recognizer.Recognize("took 3 at 8pm and another two at ten").Select(r => r.Resolution);

        Assert.Equal([3, 8, 2, 10], values);
    }

    [Fact]
    public void Adjacent_numbers_that_cannot_combine_stay_apart()
        => Assert.Equal([5, 20], Recognizer.Recognize("five twenty").Select(r => r.Resolution));

    [Theory]
    [InlineData("no numbers here")]
    [InlineData("")]
    [InlineData("a lot of them")]
    public void Finds_nothing_without_a_number(string text)
        => Assert.Empty(Recognizer.Recognize(text));
}
