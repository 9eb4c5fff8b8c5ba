using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Recognizers;

/// <summary>Reads a yes or a no from a short reply ("yeah", "of course", "👍" → true;
/// "nope", "not really", "no thanks" → false).</summary>
/// <remarks>Phrases are matched longest first so "of course not" is a no and "no problem" a
/// yes. Hedges ("not sure", "maybe") are neither: a hedge must not be taken as consent.</remarks>
public sealed class BooleanRecognizer
{
    public const string TypeName = "boolean";

    // Tried longest first, so a phrase always beats the single word inside it.
    private static readonly (string Phrase, bool? Value)[] Phrases =
    [
        ("of course not", false), ("absolutely not", false), ("definitely not", false), ("certainly not", false),
        ("not really", false), ("not at all", false), ("no thanks", false), ("no thank you", false), ("no way", false),
        ("not now", false), ("nope", false), ("nah", false), ("no", false), ("n", false), ("negative", false), ("never", false),
        ("not sure", null), ("dont know", null), ("i dont know", null), ("dunno", null), ("maybe", null), ("perhaps", null),
        ("no problem", true), ("no worries", true), ("why not", true), ("of course", true), ("for sure", true),
        ("yes please", true), ("yes", true), ("yeah", true), ("yea", true), ("yep", true), ("yup", true), ("ya", true),
        ("yah", true), ("y", true), ("sure", true), ("ok", true), ("okay", true), ("k", true), ("okey", true),
        ("definitely", true), ("absolutely", true), ("certainly", true), ("correct", true), ("right", true),
        ("alright", true), ("aye", true), ("affirmative", true), ("indeed", true), ("totally", true),
    ];

    private static readonly (string Emoji, bool Value)[] Emoji =
    [
        ("\U0001F44D", true), ("\u2705", true), ("\u2714", true), ("\U0001F44C", true), ("\U0001F646", true),
        ("\U0001F44E", false), ("\u274C", false), ("\U0001F645", false), ("\u2716", false),
    ];

    private static readonly (string[] Words, bool? Value)[] Parsed =
        Phrases.Select(p => (p.Phrase.Split(' '), p.Value)).OrderByDescending(p => p.Item1.Length).ToArray();

    // The parsed phrases under their first word, longest first as in Parsed: only those can
    // match where a token is that word.
    private static readonly Dictionary<string, (string[] Words, bool? Value)[]> ByFirstWord =
        Parsed.GroupBy(p => p.Words[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Every yes or no in the text, in order. Hedges are not reported.</summary>
    public IReadOnlyList<ModelResult<bool>> Recognize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var results = new List<(ModelResult<bool>? Result, int Start)>();
        var tokens = Tokenizer.Tokenize(text);
        for (int i = 0; i < tokens.Count;)
        {
            var match = FirstMatch(tokens, i);
            if (match.Words is null) { i++; continue; }
            var first = tokens[i];
            var last = tokens[i + match.Words.Length - 1];
            results.Add((match.Value is bool value
                ? new ModelResult<bool>(text[first.Start..(last.End + 1)], first.Start, last.End, TypeName, value)
                : null, first.Start));
            i += match.Words.Length;
        }
        foreach (var (emoji, value) in Emoji)
            for (int at = text.IndexOf(emoji, StringComparison.Ordinal); at >= 0; at = text.IndexOf(emoji, at + emoji.Length, StringComparison.Ordinal))
                results.Add((new ModelResult<bool>(emoji, at, at + emoji.Length - 1, TypeName, value), at));

        // A hedge anywhere means the reply is not a clear answer.
        if (results.Any(r => r.Result is null)) return [];
        return results.OrderBy(r => r.Start).Select(r => r.Result!).ToList();
    }

    /// <summary>True for a yes, false for a no, null when the reply is neither or says both.</summary>
    public bool? Resolve(string? text) => Resolve(Recognize(text));

    /// <summary><see cref="Resolve(string?)"/> over what <see cref="Recognize"/> already found.</summary>
    public static bool? Resolve(IReadOnlyList<ModelResult<bool>> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (found.Count == 0) return null;
        bool first = found[0].Resolution;
        return found.All(r => r.Resolution == first) ? first : null;
    }

    // The first phrase of Parsed (longest first) that matches at token i.
    private static (string[] Words, bool? Value) FirstMatch(IReadOnlyList<Token> tokens, int i)
    {
        if (!ByFirstWord.TryGetValue(tokens[i].Text, out var candidates)) return default;
        foreach (var candidate in candidates)
            if (Matches(tokens, i, candidate.Words)) return candidate;
        return default;
    }

    private static bool Matches(IReadOnlyList<Token> tokens, int i, string[] words)
    {
        if (i + words.Length > tokens.Count) return false;
        for (int k = 0; k < words.Length; k++)
            if (!string.Equals(tokens[i + k].Text, words[k], StringComparison.Ordinal)) return false;
        return true;
    }
}
