namespace Baclofen.Bot.Knowledge.Faq;

/// <summary>
/// Reads faq/out-of-scope.txt: one message the FAQ does not answer per line, # comments and blank
/// lines ignored. The file is optional (an FAQ without it simply has no "None" examples), but
/// when present it must hold examples, and none may repeat another or equal an FAQ question: an
/// example that is also a question would teach the retriever to fall back on its own FAQ.
/// </summary>
public static class OutOfScopeFile
{
    public const string FileName = "out-of-scope.txt";

    /// <summary>The examples with their line numbers, errors added to <paramref name="errors"/>.</summary>
    /// <param name="questions">Every FAQ question, normalised, with where it is (faq/onset.md:5).</param>
    public static List<string> Load(string path, string display, IReadOnlyDictionary<string, string> questions,
        Func<string, string> normalize, List<FaqValidationError> errors)
    {
        if (!File.Exists(path)) return [];
        var examples = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var line = i + 1;
            if (!text.Any(char.IsLetterOrDigit))
            {
                errors.Add(new(display, line, $"example '{text}' has no words"));
                continue;
            }
            var key = normalize(text);
            if (questions.TryGetValue(key, out var where))
                errors.Add(new(display, line, $"example '{text}' is an FAQ question (at {where}); the bot answers it, so it cannot be out of scope"));
            else if (!seen.TryAdd(key, line))
                errors.Add(new(display, line, $"duplicate example '{text}' (also at line {seen[key]})"));
            else
                examples.Add(text);
        }
        if (examples.Count == 0 && !errors.Any(e => e.File == display))
            errors.Add(new(display, 0, "no examples: remove the file or add one message per line"));
        return examples;
    }
}
