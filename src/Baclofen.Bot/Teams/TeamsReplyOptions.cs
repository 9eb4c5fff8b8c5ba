namespace Baclofen.Bot.Teams;

/// <summary>The short line above the buttons of a choice card; one per reply kind.</summary>
public sealed record TeamsReplyOptions
{
    public static TeamsReplyOptions Default { get; } = new();

    public string ClarifyPrompt { get; init; } = "Choose the question you meant:";
    public string AnswerPrompt { get; init; } = "Related questions:";
    public string OtherPrompt { get; init; } = "You can ask, for example:";
}
