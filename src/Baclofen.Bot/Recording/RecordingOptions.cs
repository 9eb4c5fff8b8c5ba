namespace Baclofen.Bot.Recording;

/// <summary>"Was this helpful?" settings, bound from "Bot:Feedback".</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Bot:Feedback";

    /// <summary>Whether answers offer the feedback buttons.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folder for feedback.json; empty keeps the counts in memory only. A relative path
    /// is resolved against the app's folder.</summary>
    public string Folder { get; set; } = string.Empty;
}

/// <summary>The unanswered-questions log, bound from "Bot:UnansweredLog". Off unless enabled.</summary>
public sealed class UnansweredLogOptions
{
    public const string SectionName = "Bot:UnansweredLog";

    public bool Enabled { get; set; }

    /// <summary>Folder for unanswered.jsonl. A relative path is resolved against the app's folder.</summary>
    public string Folder { get; set; } = "data";
}
