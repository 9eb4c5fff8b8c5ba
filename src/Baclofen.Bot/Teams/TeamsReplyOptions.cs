namespace Baclofen.Bot.Teams;

/// <summary>How replies are shaped for Teams: the line above a choice card's buttons, per reply kind.</summary>
public sealed record TeamsReplyOptions
{
    public static TeamsReplyOptions Default { get; } = new();

    /// <summary>
    /// Teams shows only the first three suggested actions, so a clarify reply's fourth button
    /// ("None of these") would silently vanish; more choices than this go in a card instead.
    /// </summary>
    public int MaxSuggestedActions { get; init; } = 3;

    public string ClarifyPrompt { get; init; } = "Choose the question you meant:";
    public string AnswerPrompt { get; init; } = "Related questions:";
    public string OtherPrompt { get; init; } = "You can ask, for example:";
}
