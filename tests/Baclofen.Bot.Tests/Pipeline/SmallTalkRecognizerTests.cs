using Baclofen.Bot.SmallTalk;

namespace Baclofen.Bot.Tests.Pipeline;

public sealed class SmallTalkRecognizerTests
{
    private readonly SmallTalkRecognizer _recognizer = new();

    [Theory]
    [InlineData("hello there", SmallTalkIntent.Greeting)]
    [InlineData("Good afternoon!", SmallTalkIntent.Greeting)]
    [InlineData("is anyone there?", SmallTalkIntent.Greeting)]
    [InlineData("thank you so much, that helped a lot", SmallTalkIntent.Thanks)]
    [InlineData("goodnight", SmallTalkIntent.Goodbye)]
    [InlineData("what kind of questions can i ask you", SmallTalkIntent.Help)]
    [InlineData("hi, what can you do?", SmallTalkIntent.Help)]
    [InlineData("Who are you", SmallTalkIntent.Identity)]
    [InlineData("are you a real person?", SmallTalkIntent.Identity)]
    public void Recognises_whole_small_talk_messages(string message, SmallTalkIntent expected)
    {
        Assert.Equal(expected, _recognizer.Recognize(message));
    }

    [Theory]
    [InlineData("hi can i drink alcohol on baclofen")]
    [InlineData("thanks, and what about with alcohol?")]
    [InlineData("help my son took too many pills")]
    [InlineData("what happens if i stop baclofen")]
    [InlineData("hey")]
    public void A_question_is_not_small_talk_even_with_polite_words(string message)
    {
        if (message == "hey")
        {
            // The control case: the same recogniser does fire on a bare greeting.
            Assert.Equal(SmallTalkIntent.Greeting, _recognizer.Recognize(message));
            return;
        }

        Assert.Null(_recognizer.Recognize(message));
    }

    [Fact]
    public void Strips_only_a_leading_greeting()
    {
        Assert.Equal("can I drink on baclofen?", _recognizer.StripLeadingGreeting("Hello, good morning! can I drink on baclofen?"));
        Assert.Equal("thanks, and what about alcohol?", _recognizer.StripLeadingGreeting("thanks, and what about alcohol?"));
    }
}
