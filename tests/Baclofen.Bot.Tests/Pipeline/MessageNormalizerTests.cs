using Baclofen.Bot.Pipeline;

namespace Baclofen.Bot.Tests.Pipeline;

public sealed class MessageNormalizerTests
{
    [Theory]
    [InlineData("  does\tit\r\nwork  ", "does it work")]
    [InlineData("a\u200Bb", "ab")]
    [InlineData("ｂａｃｌｏｆｅｎ", "baclofen")]
    public void Whitespace_and_invisible_characters_are_folded(string input, string expected)
    {
        Assert.Equal(expected, MessageNormalizer.Normalize(input));
    }

    [Fact]
    public void Truncation_cuts_at_a_word_boundary()
    {
        var cut = MessageNormalizer.Truncate("alpha beta gamma delta", 13);

        Assert.Equal("alpha beta", cut);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var text = new string('x', 9) + "😀" + "yyyy";

        var cut = MessageNormalizer.Truncate(text, 10);

        Assert.False(char.IsHighSurrogate(cut[^1]));
    }
}
