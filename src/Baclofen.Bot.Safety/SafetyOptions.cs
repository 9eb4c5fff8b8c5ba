namespace Baclofen.Bot.Safety;

/// <summary>The "Safety" section of appsettings.json.</summary>
public sealed class SafetyOptions
{
    public const string SectionName = "Safety";

    /// <summary>The fixed emergency reply. The bot sends it; the safety layer only decides when.</summary>
    public string EmergencyResponse { get; set; } = "";

    /// <summary>The learned classifier raises the alarm at this score or above (0..1). How the
    /// default was chosen: <see cref="Learned.EmergencyClassifier.DefaultThreshold"/>. Lower
    /// catches more and alarms more often.</summary>
    public double ClassifierThreshold { get; set; } = Learned.EmergencyClassifier.DefaultThreshold;

    /// <summary>When a reported amount taken counts as an overdose.</summary>
    public IngestionThresholds Ingestion { get; set; } = new();
}

/// <summary>Amounts above which "I took ..." is treated as an overdose.</summary>
/// <remarks>
/// Oral baclofen comes as 5, 10 and 20 mg tablets and 1 mg/ml or 5 mg/5 ml liquids. Single
/// doses are usually 5–20 mg and the usual maximum is 80 mg a day. The defaults sit just above
/// the largest ordinary dose, never at the danger line: missing an overdose is far worse than
/// sending the emergency text to someone who took slightly more than usual. Each limit is the
/// largest amount that does NOT fire.
/// </remarks>
public sealed class IngestionThresholds
{
    /// <summary>Tablets, pills or capsules taken at once. 4 allows a 20 mg dose made of 5 mg tablets.</summary>
    public double MaxTabletsPerDose { get; set; } = 4;

    /// <summary>Tablets when the message speaks of a day: 8 × 10 mg is the usual daily maximum.</summary>
    public double MaxTabletsPerDay { get; set; } = 8;

    /// <summary>Milligrams taken at once. Usual single doses are 5–20 mg; 30 leaves room for the
    /// occasional 25–30 mg dose a specialist prescribes, and anything beyond it fires.</summary>
    public double MaxMilligramsPerDose { get; set; } = 30;

    /// <summary>Milligrams when the message speaks of a day ("today", "a day"): the usual daily maximum.</summary>
    public double MaxMilligramsPerDay { get; set; } = 80;

    /// <summary>Millilitres of oral solution taken at once: 20 ml is 20 mg at the common 1 mg/ml strength.</summary>
    public double MaxMillilitresPerDose { get; set; } = 20;
}
