using Baclofen.Bot.Recording;

namespace Baclofen.Bot.Tests.Recording;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("my name is Sarah Jones, call me at 555-123-4567, how do I store baclofen",
        "my name is [name], call me at [phone], how do I store baclofen")]
    [InlineData("email me at sarah.jones@example.com please", "email me at [email] please")]
    [InlineData("I read https://example.org/baclofen?id=7 and www.drugs.com", "I read [url] and [url]")]
    [InlineData("see mysite.com/page for details", "see [url] for details")]
    [InlineData("I take 10 mg three times a day since 2019", "I take [number] mg [number] times a day since [number]")]
    [InlineData("my number is +1 (555) 123 4567", "my number is [phone]")]
    [InlineData("I'm called bob and my back hurts", "I'm called [name] and my back hurts")]
    [InlineData("Hi, this is Maria Lopez from the clinic", "Hi, this is [name] from the clinic")]
    [InlineData("my name is john smith how long does it last", "my name is [name] how long does it last")]
    [InlineData("she is twenty-five and took two tablets", "she is [number] and took [number] tablets")]
    [InlineData("how do I store baclofen", "how do I store baclofen")]
    [InlineData("is this normal after a week", "is this normal after a week")]
    public void Personal_data_is_replaced_by_placeholders(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Fact]
    public void No_digit_survives()
    {
        var redacted = Redactor.Redact("born 03/04/1980, MRN 123456, 2.5 mg at 8:30, room 12B");

        Assert.DoesNotContain(redacted, char.IsDigit);
    }
}
