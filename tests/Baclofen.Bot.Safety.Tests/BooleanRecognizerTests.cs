using Baclofen.Bot.Safety.Recognizers;

namespace Baclofen.Bot.Safety.Tests;

public class BooleanRecognizerTests
{
    private static readonly BooleanRecognizer Recognizer = new();

    [Theory]
    [InlineData("yes")]
    [InlineData("Yeah")]
    [InlineData("yep")]
    [InlineData("sure")]
    [InlineData("ok")]
    [InlineData("of course")]
    [InlineData("definitely!")]
    [InlineData("👍")]
    [InlineData("yes please")]
    [InlineData("no problem")]
    [InlineData("YES that answers it thanks")]
    public void Reads_yes(string reply) => Assert.True(Recognizer.Resolve(reply));

    [Theory]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not really")]
    [InlineData("no thanks")]
    [InlineData("of course not")]
    [InlineData("👎")]
    public void Reads_no(string reply) => Assert.False(Recognizer.Resolve(reply));

    [Theory]
    [InlineData("")]
    [InlineData("what time should i take it")]
    [InlineData("not sure")]
    [InlineData("maybe")]
    [InlineData("yes no")]
    public void Neither_yes_nor_no_is_null(string reply) => Assert.Null(Recognizer.Resolve(reply));

    [Fact]
    public void Result_carries_position_and_type()
    {
        var result = Assert.Single(Recognizer.Recognize("well yeah"));

        Assert.Equal("yeah", result.Text);
        Assert.Equal(5, result.Start);
        Assert.Equal(8, result.End);
        Assert.Equal(BooleanRecognizer.TypeName, result.TypeName);
    }
}
