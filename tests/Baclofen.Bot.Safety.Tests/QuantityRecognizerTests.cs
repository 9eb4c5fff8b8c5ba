using Baclofen.Bot.Safety.Recognizers;

namespace Baclofen.Bot.Safety.Tests;

public class QuantityRecognizerTests
{
    private static readonly QuantityRecognizer Recognizer = new(["baclofen"]);

    [Theory]
    [InlineData("300mg", 300, QuantityUnit.Milligram)]
    [InlineData("300 mg", 300, QuantityUnit.Milligram)]
    [InlineData("2.5 milligrams", 2.5, QuantityUnit.Milligram)]
    [InlineData("500 mcg", 500, QuantityUnit.Microgram)]
    [InlineData("2 g", 2, QuantityUnit.Gram)]
    [InlineData("20 ml", 20, QuantityUnit.Millilitre)]
    [InlineData("two teaspoons", 10, QuantityUnit.Millilitre)]
    [InlineData("15 tablets", 15, QuantityUnit.DoseUnit)]
    [InlineData("fifteen tabs", 15, QuantityUnit.DoseUnit)]
    [InlineData("20 pills", 20, QuantityUnit.DoseUnit)]
    [InlineData("3 capsules", 3, QuantityUnit.DoseUnit)]
    [InlineData("30 of my pills", 30, QuantityUnit.DoseUnit)]
    [InlineData("40 of them", 40, QuantityUnit.DoseUnit)]
    [InlineData("a dozen baclofen", 12, QuantityUnit.DoseUnit)]
    [InlineData("4 sleeping tablets", 4, QuantityUnit.DoseUnit)]
    [InlineData("half a bottle", 0.5, QuantityUnit.Container)]
    [InlineData("two bottles", 2, QuantityUnit.Container)]
    [InlineData("a bottle", 1, QuantityUnit.Container)]
    public void Reads_numbers_with_units(string text, double value, QuantityUnit unit)
    {
        var result = Assert.Single(Recognizer.Recognize(text));

        Assert.Equal(new Quantity(value, unit), result.Resolution);
        Assert.Equal(QuantityRecognizer.TypeName, result.TypeName);
    }

    [Fact]
    public void A_count_with_a_strength_is_tablets_of_that_strength()
    {
        var result = Assert.Single(Recognizer.Recognize("forty 10 mg baclofen"));

        Assert.Equal(new Quantity(40, QuantityUnit.DoseUnit, 10), result.Resolution);
        Assert.Equal(400, result.Resolution.Milligrams);
    }

    [Theory]
    [InlineData("the whole bottle", QuantityUnit.Container)]
    [InlineData("the whole pack", QuantityUnit.Container)]
    [InlineData("my entire prescription", QuantityUnit.Container)]
    [InlineData("a whole weeks worth", QuantityUnit.Container)]
    [InlineData("a handful", QuantityUnit.Handful)]
    [InlineData("all my pills", QuantityUnit.All)]
    [InlineData("all of them", QuantityUnit.All)]
    [InlineData("them all", QuantityUnit.All)]
    [InlineData("every tablet", QuantityUnit.All)]
    [InlineData("the lot", QuantityUnit.All)]
    [InlineData("a bunch", QuantityUnit.Many)]
    [InlineData("loads", QuantityUnit.Many)]
    [InlineData("a massive amount", QuantityUnit.Many)]
    public void Reads_amounts_without_a_number(string text, QuantityUnit unit)
    {
        var result = Assert.Single(Recognizer.Recognize(text));

        Assert.Equal(unit, result.Resolution.Unit);
        Assert.True(result.Resolution.IsOpenEnded);
    }

    [Fact]
    public void Milligrams_convert_from_other_masses()
    {
        Assert.Equal(0.5, Assert.Single(Recognizer.Recognize("500 mcg")).Resolution.Milligrams);
        Assert.Equal(2000, Assert.Single(Recognizer.Recognize("2 grams")).Resolution.Milligrams);
    }

    [Fact]
    public void Reports_where_the_amount_is()
    {
        var result = Assert.Single(Recognizer.Recognize("she took 8 tablets at once"));

        Assert.Equal("8 tablets", result.Text);
        Assert.Equal(9, result.Start);
        Assert.Equal(17, result.End);
    }

    [Theory]
    [InlineData("a bottle of water")]
    [InlineData("20 minutes ago")]
    [InlineData("all my doses")]
    [InlineData("three times a day")]
    public void Ignores_things_that_are_not_amounts_of_medicine(string text)
        => Assert.Empty(Recognizer.Recognize(text));

    [Theory]
    [InlineData("15 tablts")]
    [InlineData("20 baclofin")]
    [InlineData("3 capsuls")]
    public void A_typo_in_a_long_unit_still_counts(string text)
        => Assert.Equal(QuantityUnit.DoseUnit, Assert.Single(Recognizer.Recognize(text)).Resolution.Unit);

    [Fact]
    public void Drug_names_count_only_when_given()
        => Assert.Empty(new QuantityRecognizer().Recognize("15 baclofen"));
}
