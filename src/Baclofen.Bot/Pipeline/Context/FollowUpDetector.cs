using System.Text.RegularExpressions;

namespace Baclofen.Bot.Pipeline.Context;

/// <summary>
/// Tells an elliptical follow-up ("and how long does it last?", "what about opioids?", "is that
/// dangerous?") from a standalone question. A follow-up is short, names no medicine, and either
/// opens the way follow-ups do or leans on a pronoun with nothing it could refer to in the
/// message itself. Being a follow-up only permits the use of context; whether it is used
/// depends on whether it helps (see <see cref="ContextualRetrieval"/>).
/// </summary>
public static partial class FollowUpDetector
{
    /// <summary>A message with more content words than this carries its own topic.</summary>
    public const int MaxContentWords = 4;

    // Longest first so "and what about" is consumed whole.
    internal static readonly string[][] Openers =
    [
        .. new[]
        {
            "and what about", "and how about", "and what if", "what about", "how about", "what if", "and if",
            "is that", "is this", "is it", "does that", "does this", "does it", "would that", "will that",
            "can that", "and for", "and", "also", "but", "same for", "same with", "then",
        }.Select(p => p.Split(' ')).OrderByDescending(p => p.Length),
    ];

    internal static readonly HashSet<string> Pronouns = ["it", "that", "this", "they", "them", "those", "these", "one", "ones", "its"];

    // Names of the medicine: a message naming it has its own topic.
    private static readonly HashSet<string> Topics = ["baclofen", "lioresal", "gablofen", "ozobax", "lyvispah", "fleqsuvy", "kemstro"];

    private static readonly HashSet<string> FunctionWords =
    [
        "a", "an", "the", "and", "or", "but", "if", "so", "then", "also", "what", "how", "about", "is", "are", "was",
        "be", "do", "does", "did", "can", "could", "will", "would", "should", "i", "me", "my", "you", "your", "it",
        "that", "this", "they", "them", "those", "these", "one", "ones", "its", "to", "of", "for", "with", "on", "in",
        "at", "too", "as", "well", "same", "any", "there", "long", "much", "many", "when", "why", "who", "which", "where",
    ];

    public static bool IsFollowUp(string text)
    {
        var words = Words(text);
        if (words.Count == 0 || words.Any(Topics.Contains))
        {
            return false;
        }

        if (words.Count(w => !FunctionWords.Contains(w)) > MaxContentWords)
        {
            return false;
        }

        return OpenerLength(words) > 0 || words.Any(Pronouns.Contains);
    }

    /// <summary>How many leading words form a follow-up opener ("what about" is 2), or 0.</summary>
    internal static int OpenerLength(IReadOnlyList<string> words)
    {
        foreach (var opener in Openers)
        {
            if (StartsWith(words, opener))
            {
                return opener.Length;
            }
        }

        return 0;
    }

    /// <summary>True when <paramref name="words"/> begins with the words of <paramref name="phrase"/>.</summary>
    internal static bool StartsWith(IReadOnlyList<string> words, string[] phrase)
    {
        if (phrase.Length > words.Count)
        {
            return false;
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            if (words[i] != phrase[i])
            {
                return false;
            }
        }

        return true;
    }

    internal static List<string> Words(string text) => ChatWords.Split(text);
}
