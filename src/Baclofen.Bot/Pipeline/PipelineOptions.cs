namespace Baclofen.Bot.Pipeline;

/// <summary>Settings the turn pipeline needs, gathered from the Bot, Faq and Safety sections.</summary>
public sealed class PipelineOptions
{
    /// <summary>Retrieval reads at most this many characters; the safety gate reads them all.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Whether an answer names its source pages.</summary>
    public bool ShowSources { get; set; } = true;

    /// <summary>The fixed emergency text, sent verbatim (Safety:EmergencyResponse).</summary>
    public string EmergencyResponse { get; set; } = string.Empty;

    /// <summary>The disclaimer key used with fallbacks and help.</summary>
    public string GeneralDisclaimerKey { get; set; } = "general";

    /// <summary>How many related questions an answer offers as follow-up buttons.</summary>
    public int MaxFollowUps { get; set; } = 3;

    /// <summary>Whether an answer offers "was this helpful?" buttons (Bot:Feedback:Enabled).</summary>
    public bool AskFeedback { get; set; } = true;
}
