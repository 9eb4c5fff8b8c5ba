namespace Baclofen.Bot.Safety.Emergency;

internal enum RuleKind
{
    /// <summary>Something is happening. Becomes informational when the clause is a general question.</summary>
    Report,
    /// <summary>An emergency topic is mentioned; informational wherever it appears.</summary>
    Topic,
    /// <summary>A word that is only an emergency topic inside a question ("does baclofen affect
    /// breathing?"), and ordinary in a statement ("my breathing exercises help").</summary>
    QuestionTopic,
    /// <summary>A harmless phrase that contains an emergency word ("seized up", "choking back
    /// tears"); evidence overlapping it is dropped.</summary>
    Veto,
    /// <summary>A worry or a precaution ("scared of an overdose"); reports overlapping it
    /// become informational.</summary>
    Hypothetical,
}

/// <summary>What a negation just before the match ("no seizures", "not suicidal") does.</summary>
internal enum NegationPolicy
{
    /// <summary>A negated statement is an all-clear and is dropped ("he's had no seizures").</summary>
    Honour,
    /// <summary>A negated statement is kept as informational: denial of a danger is not
    /// trustworthy enough to stay silent ("I'm not suicidal").</summary>
    Distrust,
}

internal sealed record Rule(EmergencyCategory Category, RuleKind Kind, Pattern Pattern, NegationPolicy Negation)
{
    /// <summary>For a veto: the one category it hides; null hides every category.</summary>
    public EmergencyCategory? VetoesOnly { get; init; }

    /// <summary>For a report: say nothing, rather than raise a topic, when the clause is general
    /// (history, hearsay). Questions are left to a separate question-topic rule.</summary>
    public bool QuietWhenGeneral { get; init; }
}
