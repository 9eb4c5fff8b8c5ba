namespace Baclofen.Bot.Pipeline.Context;

/// <summary>
/// Turns an elliptical follow-up into the question it stands for, so the ordinary retriever can
/// read it: the connective in front goes ("and", "what about"), a pronoun with no referent becomes
/// the medicine the whole conversation is about, and a message that names no subject at all gets it
/// appended ("what about opioids?" asks about opioids with baclofen).
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

    private static readonly HashSet<string> Referring = ["it", "that", "this", "they", "them", "those", "these", "its"];

    public static string Rewrite(string text)
    {
        var words = FollowUpDetector.Words(text);
        var skip = Connectives.FirstOrDefault(c => c.Length <= words.Count && c.Select((w, i) => words[i] == w).All(x => x))?.Length ?? 0;
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
}
