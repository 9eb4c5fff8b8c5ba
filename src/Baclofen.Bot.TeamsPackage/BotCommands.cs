namespace Baclofen.Bot.TeamsPackage;

/// <summary>
/// The command menu Teams shows above the compose box. Picking a command sends its title as
/// the message, so each title is one of the FAQ's own question phrasings (a test checks them
/// against faq/*.md) and retrieval matches it as written; "help" is answered by small talk.
/// </summary>
public static class BotCommands
{
    public const int TitleMax = 32;
    public const int DescriptionMax = 128;
    public const int PerListMax = 10;

    public static IReadOnlyList<(string Title, string Description)> All { get; } =
    [
        ("help", "What I can answer, with example questions"),
        ("What is baclofen?", "What baclofen is and what it is prescribed for"),
        ("Does baclofen work immediately?", "How long baclofen takes to start working"),
        ("Baclofen side effects", "The common side effects of baclofen"),
        ("Baclofen alcohol interaction", "Drinking alcohol while taking baclofen"),
        ("missed baclofen dose what now", "What to do after a missed dose"),
        ("tapering off baclofen", "Stopping baclofen safely, and why not to stop suddenly"),
        ("Is baclofen addictive?", "Dependence, addiction and misuse"),
    ];
}
