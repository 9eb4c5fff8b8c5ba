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

/// <param name="IsEmergency">True when the emergency response must be sent first.</param>
/// <param name="Category">What kind of emergency; null when not an emergency.</param>
/// <param name="IsInformational">True when the message asks about an emergency topic rather
/// than reporting one happening ("what are the signs of an overdose?"): the emergency
/// response still comes first, and the FAQ answer follows.</param>
public sealed record EmergencyAssessment(bool IsEmergency, EmergencyCategory? Category, bool IsInformational)
{
    public static EmergencyAssessment None { get; } = new(false, null, false);

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
