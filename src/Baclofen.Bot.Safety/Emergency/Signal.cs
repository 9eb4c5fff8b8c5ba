namespace Baclofen.Bot.Safety.Emergency;

/// <summary>One piece of evidence found in a message.</summary>
/// <param name="IsReport">True when something is happening (or about to); false when the
/// message only asks or talks about the topic.</param>
/// <param name="Source">The rule that produced it, for diagnostics.</param>
internal sealed record Signal(EmergencyCategory Category, bool IsReport, int FirstToken, string Source);
