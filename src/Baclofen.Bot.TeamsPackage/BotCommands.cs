namespace Baclofen.Bot.TeamsPackage;

/// <summary>
/// The command menu Teams shows above the compose box. Picking a command sends its title as
/// the message, so each title is a question the FAQ answers as written (checked against the
/// FAQ by the tests); "help" is answered by small talk.
/// </summary>
public static class BotCommands
{
    public const int TitleMax = 32;
    public const int DescriptionMax = 128;
    public const int PerListMax = 10;

    public static IReadOnlyList<(string Title, string Description)> All { get; } =
    [
        ("help", "What I can answer, with example questions"),
        ("Does baclofen work immediately?", "How long baclofen takes to start working"),
        ("Baclofen side effects", "The common side effects of baclofen"),
        ("Can I drink alcohol on baclofen?", "Alcohol and baclofen together"),
        ("I missed a dose of baclofen", "What to do after a missed dose"),
        ("How do I stop taking baclofen?", "Stopping baclofen safely, and why not to stop suddenly"),
        ("Is baclofen addictive?", "Dependence, addiction and misuse"),
    ];
}
