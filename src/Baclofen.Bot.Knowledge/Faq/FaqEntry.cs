namespace Baclofen.Bot.Knowledge.Faq;

/// <summary>One curated FAQ entry as loaded from faq/{id}.md.</summary>
/// <param name="Questions">The canonical question first, then the alternate phrasings.</param>
/// <param name="Answer">The answer in Markdown, without disclaimer or source line.</param>
public sealed record FaqEntry(
    string Id,
    IReadOnlyList<string> Questions,
    string Answer,
    string DisclaimerKey,
    IReadOnlyList<string> SourceKeys,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> Keywords,
    string FilePath)
{
    public string CanonicalQuestion => Questions[0];
}

/// <summary>A safety disclaimer from faq/disclaimers.yaml.</summary>
public sealed record Disclaimer(string Key, string Text);

/// <summary>A seed page from faq/sources.yaml that answers are curated from.</summary>
public sealed record FaqSource(string Key, string Title, string Publisher)
{
    /// <summary>The page's address, when sources.yaml gives one.</summary>
    public string? Url { get; init; }
}
