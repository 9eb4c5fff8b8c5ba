using Baclofen.Bot.Teams;

namespace Baclofen.Bot.Tests.Teams;

public class TeamsMarkdownTests
{
    [Fact]
    public void Table_becomes_bullet_lines_labelled_by_the_header()
    {
        var markdown = "Common forms:\n\n| Form | Strength | Notes |\n|---|:---:|---|\n| Tablet | 10 mg | scored |\n| Liquid | 5 mg/5 mL | |\n\nAsk your pharmacist.";

        var converted = TeamsMarkdown.Convert(markdown);

        Assert.Equal(
            "Common forms:\n\n- **Tablet** — Strength: 10 mg; Notes: scored\n- **Liquid** — Strength: 5 mg/5 mL\n\nAsk your pharmacist.",
            converted);
        Assert.DoesNotContain("|", converted);
    }

    [Fact]
    public void Two_column_table_becomes_term_and_value_bullets()
    {
        var converted = TeamsMarkdown.Convert("Term | Meaning\n--- | ---\nHalf-life | 2 to 6 hours\nOnset | days");

        Assert.Equal("- **Half-life**: 2 to 6 hours\n- **Onset**: days", converted);
    }

    [Fact]
    public void Escaped_pipe_inside_a_cell_is_kept_as_text()
    {
        var converted = TeamsMarkdown.Convert("| A | B |\n|---|---|\n| x \\| y | z |");

        Assert.Equal("- **x | y**: z", converted);
    }

    [Theory]
    [InlineData("# Stopping baclofen", "**Stopping baclofen**")]
    [InlineData("### Stopping baclofen ###", "**Stopping baclofen**")]
    [InlineData("## **Already bold**", "**Already bold**")]
    public void Headings_become_bold_lines(string heading, string expected)
    {
        Assert.Equal(expected, TeamsMarkdown.Convert(heading));
    }

    [Fact]
    public void Heading_inside_text_gets_a_blank_line_before_the_next_paragraph()
    {
        Assert.Equal("Intro\n\n**Side effects**\n\nDrowsiness is common.", TeamsMarkdown.Convert("Intro\n## Side effects\nDrowsiness is common."));
    }

    [Fact]
    public void Setext_heading_becomes_bold()
    {
        Assert.Equal("**Overview**\n\nText", TeamsMarkdown.Convert("Overview\n========\nText"));
    }

    [Fact]
    public void Lists_italics_bold_and_links_are_left_alone()
    {
        var markdown = "Take it:\n\n- with food\n- at the same times\n1. first\n2. second\n\n_Source: NHS_\n\n**Please note:** see [NHS](https://www.nhs.uk/).";

        Assert.Equal(markdown, TeamsMarkdown.Convert(markdown));
    }

    [Fact]
    public void Fenced_code_is_not_rewritten()
    {
        var markdown = "```\n# not a heading\n| a | b |\n|---|---|\n```";

        Assert.Equal(markdown, TeamsMarkdown.Convert(markdown));
    }

    [Fact]
    public void A_horizontal_rule_after_a_blank_line_is_not_a_heading()
    {
        Assert.Equal("Para\n\n---\n\nMore", TeamsMarkdown.Convert("Para\n\n---\n\nMore"));
    }

    [Fact]
    public void Windows_line_endings_are_handled()
    {
        Assert.Equal("- **a**: b", TeamsMarkdown.Convert("| k | v |\r\n|---|---|\r\n| a | b |"));
    }

    [Fact]
    public void Heading_right_after_a_table_is_still_converted()
    {
        Assert.Equal("- **a**: b\n\n**Next**\n\nText", TeamsMarkdown.Convert("| k | v |\n|---|---|\n| a | b |\n# Next\nText"));
    }
}
