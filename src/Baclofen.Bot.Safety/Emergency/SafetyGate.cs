using Baclofen.Bot.Safety.Learned;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>
/// The safety gate the bot runs: the phrase rules (<see cref="EmergencyDetector"/>) and the
/// learned classifier (<see cref="EmergencyClassifier"/>) read every message, and either one
/// is enough to raise the alarm. The rules decide the category and the framing when they fire,
/// since they can say why; the classifier covers the ways of saying it the rules never saw.
/// Thread-safe; one instance serves the whole application.
/// </summary>
public sealed class SafetyGate : IEmergencyDetector
{
    private readonly EmergencyDetector _rules;
    private readonly EmergencyClassifier _classifier;
    private readonly double _threshold;

    public SafetyGate() : this(new SafetyOptions())
    {
    }

    public SafetyGate(SafetyOptions options) : this(options, EmergencyClassifier.Shared)
    {
    }

    public SafetyGate(SafetyOptions options, EmergencyClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = new EmergencyDetector(options);
        _classifier = classifier;
        _threshold = options.ClassifierThreshold;
    }

    public EmergencyAssessment Assess(string text)
    {
        var rules = _rules.Assess(text);
        bool learned = !string.IsNullOrWhiteSpace(text) && _classifier.Score(text) >= _threshold;
        if (rules.IsEmergency)
            return learned ? rules with { Detectors = EmergencyDetectors.Both } : rules;
        if (!learned) return rules;
        // The rules read a general question about the topic: the alarm comes first, and the
        // question still gets its answer after it.
        if (rules.IsTopic)
            return rules with { IsEmergency = true, Detectors = EmergencyDetectors.Classifier };
        return new EmergencyAssessment(true, _classifier.Category(text), false) { Detectors = EmergencyDetectors.Classifier };
    }
}
