namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Decides, before anything else, whether a message needs the emergency response.</summary>
public interface IEmergencyDetector
{
    EmergencyAssessment Assess(string text);
}

public enum EmergencyCategory
{
    Overdose,
    Seizure,
    Breathing,
    Unresponsive,
    AllergicSwelling,
    SelfHarm,
    SevereWithdrawal,
}

/// <summary>Which detectors raised the alarm.</summary>
[Flags]
public enum EmergencyDetectors
{
    None = 0,
    /// <summary>The phrase rules and readers (<see cref="EmergencyDetector"/>).</summary>
    Rules = 1,
    /// <summary>The learned classifier (<see cref="Learned.EmergencyClassifier"/>).</summary>
    Classifier = 2,
    Both = Rules | Classifier,
}

/// <param name="IsEmergency">True when the emergency response must be sent first.</param>
/// <param name="Category">What kind of emergency; null when not an emergency. Also set on a
/// topic question (informational, not an emergency).</param>
/// <param name="IsInformational">True when the message asks about an emergency topic rather
/// than reporting one happening. With <paramref name="IsEmergency"/> the question names one of
/// the emergency card's words ("what are the signs of an overdose?"): the emergency response
/// comes first and the FAQ answer follows. Without it, the question names none and reports
/// nobody in danger ("how long does withdrawal last?"): it gets its answer, with no emergency
/// response.</param>
public sealed record EmergencyAssessment(bool IsEmergency, EmergencyCategory? Category, bool IsInformational)
{
    public static EmergencyAssessment None { get; } = new(false, null, false) { Detectors = EmergencyDetectors.None };

    /// <summary>Which detectors raised the alarm (rules unless said otherwise).</summary>
    public EmergencyDetectors Detectors { get; init; } = EmergencyDetectors.Rules;

    /// <summary>A question about a danger that names no emergency word: answered, no alarm.</summary>
    public bool IsTopic => !IsEmergency && IsInformational;

    /// <summary>The reply contract's <c>detector</c>: rules, classifier or both; null when no alarm.</summary>
    public string? Detector => !IsEmergency ? null : Detectors switch
    {
        EmergencyDetectors.Both => "both",
        EmergencyDetectors.Classifier => "classifier",
        _ => "rules",
    };

    /// <summary>The category as the reply contract's <c>trigger</c> names it (kebab-case).</summary>
    public string? Trigger => Category switch
    {
        null => null,
        EmergencyCategory.Overdose => "overdose",
        EmergencyCategory.Seizure => "seizure",
        EmergencyCategory.Breathing => "breathing",
        EmergencyCategory.Unresponsive => "unresponsive",
        EmergencyCategory.AllergicSwelling => "allergic-swelling",
        EmergencyCategory.SelfHarm => "self-harm",
        EmergencyCategory.SevereWithdrawal => "severe-withdrawal",
        _ => throw new ArgumentOutOfRangeException(nameof(Category)),
    };
}
