using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Tests.Support;

namespace Baclofen.Bot.Knowledge.Tests.Faq;

public class OutOfScopeFileTests
{
    private static FaqValidationException LoadFails(FaqDirectory faq) =>
        Assert.Throws<FaqValidationException>(() => FaqLoader.Load(faq.Dir));

    private static void AssertError(FaqValidationException ex, string location, string text) =>
        Assert.Contains(ex.Errors, e => e.ToString().StartsWith(location + ": ", StringComparison.Ordinal) && e.Message.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void Examples_are_loaded_without_comments_or_blank_lines()
    {
        var catalog = FaqLoader.Load(FaqDirectory.Fixture);
        Assert.Equal(["what are the clinic opening times", "how do i book an appointment with the nurse", "is tramadol habit forming"], catalog.OutOfScopeExamples);
    }

    [Fact]
    public void The_file_is_optional()
    {
        using var faq = new FaqDirectory();
        faq.Delete(OutOfScopeFile.FileName);
        Assert.Empty(FaqLoader.Load(faq.Dir).OutOfScopeExamples);
    }

    [Fact]
    public void An_example_equal_to_an_faq_question_names_file_and_line()
    {
        using var faq = new FaqDirectory();
        faq.Write(OutOfScopeFile.FileName, "# comment\nwhat are the clinic opening times\ndoes baclofen work immediately\n");
        AssertError(LoadFails(faq), "faq/out-of-scope.txt:3", "is an FAQ question (at faq/onset.md:");
    }

    [Fact]
    public void A_duplicate_example_names_file_and_line()
    {
        using var faq = new FaqDirectory();
        faq.Write(OutOfScopeFile.FileName, "is tramadol habit forming\nwhat time do you open\nIs tramadol habit forming?\n");
        AssertError(LoadFails(faq), "faq/out-of-scope.txt:3", "duplicate example");
    }

    [Fact]
    public void A_file_without_examples_is_an_error()
    {
        using var faq = new FaqDirectory();
        faq.Write(OutOfScopeFile.FileName, "# nothing yet\n\n");
        AssertError(LoadFails(faq), "faq/out-of-scope.txt", "no examples");
    }

    [Fact]
    public void A_line_of_punctuation_is_not_an_example()
    {
        using var faq = new FaqDirectory();
        faq.Write(OutOfScopeFile.FileName, "what time do you open\n???\n");
        AssertError(LoadFails(faq), "faq/out-of-scope.txt:2", "has no words");
    }
}
