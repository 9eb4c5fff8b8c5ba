namespace Baclofen.Bot.Safety.Recognizers;

public enum QuantityUnit
{
    Milligram,
    Microgram,
    Gram,
    Millilitre,
    /// <summary>Tablets, pills, capsules and other countable doses.</summary>
    DoseUnit,
    /// <summary>A bottle, pack, box, blister strip or prescription ("the whole bottle", "half a bottle").</summary>
    Container,
    /// <summary>"A handful".</summary>
    Handful,
    /// <summary>"All my pills", "every tablet", "the lot".</summary>
    All,
    /// <summary>An unspecified large amount: "a bunch", "loads", "a massive amount".</summary>
    Many,
}

/// <param name="Value">How many units; null when the amount has no number ("all my pills").</param>
/// <param name="Unit">What was counted or measured.</param>
/// <param name="MilligramsPerUnit">For counts written with a strength ("forty 10 mg tablets"): the strength.</param>
public sealed record Quantity(double? Value, QuantityUnit Unit, double? MilligramsPerUnit = null)
{
    /// <summary>True for amounts that name no number but a whole supply or a large amount.</summary>
    public bool IsOpenEnded => Unit is QuantityUnit.Container or QuantityUnit.Handful or QuantityUnit.All or QuantityUnit.Many;

    /// <summary>The mass in milligrams, when the quantity is a mass.</summary>
    public double? Milligrams => Unit switch
    {
        QuantityUnit.Milligram => Value,
        QuantityUnit.Microgram => Value / 1000,
        QuantityUnit.Gram => Value * 1000,
        QuantityUnit.DoseUnit when MilligramsPerUnit is not null => Value * MilligramsPerUnit,
        _ => null,
    };
}
