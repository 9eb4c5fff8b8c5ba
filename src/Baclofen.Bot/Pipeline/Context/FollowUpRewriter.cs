using Baclofen.Bot.Knowledge.Faq;

namespace Baclofen.Bot.Pipeline.Context;

/// <summary>
/// Turns an elliptical follow-up into the question it stands for, so the ordinary retriever can
/// read it: the connective in front goes ("and", "what about"), a pronoun with no referent becomes
/// the medicine the whole conversation is about, and a message that names no subject at all gets it
/// appended. A subject swap ("what about opioids?" after "can I drink alcohol on baclofen?")
/// also gets the previous question's frame with its own subject taken out
/// (<see cref="Reframe"/>): "can I … while taking baclofen" + "opioids".
/// </summary>
public static class FollowUpRewriter
{
    public const string Subject = "baclofen";

    // Connectives that only link to the previous turn; "is that", "does it" stay and get their pronoun resolved.
    private static readonly string[][] Connectives =
    [
        .. new[] { "and what about", "and how about", "what about", "how about", "same for", "same with", "and", "also", "but", "then", "so" }
            .Select(p => p.Split(' ')).OrderByDescending(p => p.Length),
    ];

    // Openers that keep the previous question and change only what it is about.
    private static readonly string[][] SubjectSwaps =
    [
        .. new[] { "and what about", "and how about", "what about", "how about", "same for", "same with", "same question for" }
            .Select(p => p.Split(' ')).OrderByDescending(p => p.Length),
    ];

    private const int MaxSwappedSubjectWords = 3;

    private static readonly HashSet<string> Referring = ["it", "that", "this", "they", "them", "those", "these", "its"];

    public static string Rewrite(string text)
    {
        var words = FollowUpDetector.Words(text);
        var skip = Connectives.FirstOrDefault(c => FollowUpDetector.StartsWith(words, c))?.Length ?? 0;
        var kept = words.Skip(skip).ToList();
        var resolved = false;
        for (var i = 0; i < kept.Count; i++)
        {
            if (Referring.Contains(kept[i]))
            {
                kept[i] = Subject;
                resolved = true;
            }
        }

        if (!resolved)
        {
            kept.Add(Subject);
        }

        return string.Join(' ', kept);
    }

    /// <summary>
    /// For a subject swap, the previous entry's canonical question without the words of its own
    /// subject (its keywords), followed by the new subject; null when the message is not one.
    /// </summary>
    public static string? Reframe(string text, FaqEntry previous)
    {
        var words = FollowUpDetector.Words(text);
        var swap = SubjectSwaps.FirstOrDefault(c => c.Length < words.Count && FollowUpDetector.StartsWith(words, c));
        if (swap is null)
        {
            return null;
        }

        var subject = words.Skip(swap.Length).ToList();
        if (subject.Count > MaxSwappedSubjectWords || subject.All(Referring.Contains))
        {
            return null;
        }

        var ownSubject = previous.Keywords.SelectMany(FollowUpDetector.Words).ToHashSet();
        var frame = FollowUpDetector.Words(previous.CanonicalQuestion).Where(w => !ownSubject.Contains(w));
        return string.Join(' ', frame.Concat(subject));
    }
}
