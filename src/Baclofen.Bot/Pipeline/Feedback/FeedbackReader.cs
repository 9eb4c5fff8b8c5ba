using Baclofen.Bot.Safety.Recognizers;

namespace Baclofen.Bot.Pipeline.Feedback;

/// <summary>
/// Reads an answer to "was this helpful?" while one is pending. The yes or no comes from the
/// safety layer's <see cref="BooleanRecognizer"/> ("yep", "not really"); the rest of the message
/// may only be words that talk about the answer, so "yes, but is it safe with alcohol?" is a new
/// question, not feedback. Bare acknowledgements ("ok", "alright") are not a verdict on the answer.
/// </summary>
public sealed class FeedbackReader
{
    public const string HelpfulValue = "Yes, this helped";
    public const string NotHelpfulValue = "No, this didn't help";

    private static readonly HashSet<string> Acknowledgements = ["ok", "okay", "k", "okey", "alright", "right"];

    private static readonly HashSet<string> AboutTheAnswer =
    [
        "it", "this", "that", "was", "is", "did", "didnt", "does", "doesnt", "not", "help", "helped", "helpful", "helps",
        "very", "really", "quite", "so", "a", "lot", "bit", "much", "thanks", "thank", "you", "answer", "useful", "great",
        "good", "the", "indeed", "please", "all", "at", "im", "afraid", "sorry", "unfortunately",
    ];

    private readonly BooleanRecognizer _recognizer = new();

    /// <summary>True for helpful, false for not helpful, null when the message is something else.</summary>
    public bool? Read(string text)
    {
        // Recognised once: the verdict and the words it was read from.
        var recognized = _recognizer.Recognize(text);
        var verdict = BooleanRecognizer.Resolve(recognized);
        if (verdict is null)
        {
            return null;
        }

        var words = Context.FollowUpDetector.Words(text);
        var found = recognized
            .SelectMany(r => Context.FollowUpDetector.Words(r.Text))
            .ToList();
        if (found.Count > 0 && found.All(Acknowledgements.Contains))
        {
            return null;
        }

        var rest = new List<string>(words);
        foreach (var word in found)
        {
            rest.Remove(word);
        }

        return rest.All(AboutTheAnswer.Contains) ? verdict : null;
    }
}
