namespace Baclofen.Bot.Pipeline;

/// <summary>A button offered with a reply; <see cref="Value"/> is what a click sends back as text.</summary>
public sealed record ReplyChoice(string Title, string Value);

/// <summary>
/// One outgoing message, free of any channel or Bot Framework type so the whole turn logic
/// can be tested and evaluated without HTTP.
/// </summary>
public sealed record BotReply(ReplyKind Kind, string Text)
{
    public string? FaqId { get; init; }
    public double? Score { get; init; }
    public string? DisclaimerKey { get; init; }
    public string? Trigger { get; init; }

    /// <summary>For an emergency: which detectors raised the alarm (rules, classifier or both).</summary>
    public string? Detector { get; init; }
    public IReadOnlyList<string> Candidates { get; init; } = [];
    public IReadOnlyList<ReplyChoice> Choices { get; init; } = [];

    /// <summary>True when the last two choices are the "was this helpful?" buttons.</summary>
    public bool AsksFeedback { get; init; }
}
