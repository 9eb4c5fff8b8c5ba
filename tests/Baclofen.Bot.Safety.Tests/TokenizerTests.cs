using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Tests;

public class TokenizerTests
{
    private static string[] Words(string text) => Tokenizer.Tokenize(text).Select(t => t.Text).ToArray();

    [Fact]
    public void Lower_cases_and_drops_apostrophes()
        => Assert.Equal(["he", "wont", "wake", "up"], Words("He WON'T wake up"));

    [Fact]
    public void Curly_apostrophes_count_too()
        => Assert.Equal(["she", "cant", "breathe"], Words("She can\u2019t breathe"));

    [Fact]
    public void Numbers_glued_to_units_are_split()
        => Assert.Equal(["took", "300", "mg", "and", "2.5", "ml"], Words("took 300mg and 2.5ml"));

    [Fact]
    public void Single_letter_abbreviations_keep_together()
        => Assert.Equal(["he", "od", "tonight"], Words("he o.d. tonight"));

    [Fact]
    public void Keeps_the_original_casing_for_rules_that_need_it()
        => Assert.Equal("ODd", Tokenizer.Tokenize("she ODd").Last().Original);

    [Fact]
    public void Commas_split_clauses_and_full_stops_split_sentences()
    {
        var tokens = Tokenizer.Tokenize("a, b. c");

        Assert.Equal([0, 1, 2], tokens.Select(t => t.Clause));
        Assert.Equal([0, 0, 1], tokens.Select(t => t.Sentence));
    }

    [Fact]
    public void Remembers_which_clauses_ended_with_a_question_mark()
    {
        Tokenizer.Tokenize("my son took it? he is fine", out var questions);

        Assert.Equal([0], questions);
    }

    [Fact]
    public void Positions_point_into_the_original_text()
    {
        const string text = "  took 15 pills";
        var pills = Tokenizer.Tokenize(text).Last();

        Assert.Equal("pills", text[pills.Start..(pills.End + 1)]);
    }
}
