using System.Text;
using System.Text.RegularExpressions;

namespace Baclofen.Bot.Recording;

/// <summary>
/// Finds names people give in a question and replaces them. Each introduction ("my name is",
/// "I'm", "Dr.", "… here") is found first; then the words after (or before) it are read one by
/// one and kept as a name while they look like one (<see cref="NameWords"/>): "I'm Jonathan
/// Hargreaves" loses both words, "I'm taking baclofen" and "I am worried" lose none.
/// </summary>
internal static partial class NameRedactor
{
    private enum Strictness
    {
        /// <summary>After "my name is": any word that is not a common one.</summary>
        AnyCase,

        /// <summary>After "I'm" or "this is": capitalised and not a common word, or a known given name.</summary>
        Capitalised,
    }

    public static string Redact(string text, string placeholder)
    {
        text = After(text, ExplicitIntroduction(), Strictness.AnyCase, maxWords: 3, placeholder);
        text = After(text, Title(), Strictness.AnyCase, maxWords: 2, placeholder);
        text = After(text, GreetedSoy(), Strictness.AnyCase, maxWords: 3, placeholder);
        text = After(text, SelfIntroduction(), Strictness.Capitalised, maxWords: 3, placeholder);
        return Before(text, placeholder);
    }

    /// <summary>For each introduction, the words right after it, as far as they look like a name.</summary>
    private static string After(string text, Regex introduction, Strictness strictness, int maxWords, string placeholder)
    {
        var output = new StringBuilder(text.Length);
        var copied = 0;
        foreach (Match intro in introduction.Matches(text))
        {
            var start = intro.Index + intro.Length;
            if (start < copied)
            {
                continue;
            }

            var words = WordsAt(text, start, maxWords);
            var taken = 0;
            // Once the first word is a name, the next ones are part of it unless they are ordinary
            // words, whatever their case: "Maria lopez", "i'm dave wilson", but "Dr. Lee said".
            for (var i = 0; i < words.Count && IsName(words[i].Value, i == 0 ? strictness : Strictness.AnyCase); i++)
            {
                taken++;
            }

            if (taken == 0)
            {
                continue;
            }

            output.Append(text, copied, start - copied).Append(placeholder);
            copied = words[taken - 1].Index + words[taken - 1].Length;
        }

        return output.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>"Dave here", "its dave wilson here", "Hi, Maria Lopez here": one or two words before "here" at the start of a clause.</summary>
    private static string Before(string text, string placeholder) =>
        SignedHere().Replace(text, m =>
        {
            var words = WordPattern().Matches(m.Groups["words"].Value);
            // After "it's" the words are plainly a name, whatever their case; on their own, only
            // capitalised ones or known given names count ("Pain here", "new here" stay).
            var strictness = m.Groups["its"].Success ? Strictness.AnyCase : Strictness.Capitalised;
            return words.All(w => IsName(w.Value, strictness))
                ? m.Groups["lead"].Value + placeholder + m.Groups["here"].Value
                : m.Value;
        });

    private static List<Group> WordsAt(string text, int start, int maxWords)
    {
        var words = new List<Group>();
        var at = start;
        while (words.Count < maxWords)
        {
            var word = NextWord().Match(text, at);
            if (!word.Success)
            {
                break;
            }

            var value = word.Groups["word"];
            words.Add(value);
            at = value.Index + value.Length;
        }

        return words;
    }

    private static bool IsName(string word, Strictness strictness)
    {
        var bare = word.TrimEnd('\'', '’', '-', '.');
        if (bare.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || bare.EndsWith("’s", StringComparison.OrdinalIgnoreCase))
        {
            bare = bare[..^2];
        }

        if (bare.Length == 0)
        {
            return false;
        }

        if (NameWords.GivenNames.Contains(bare))
        {
            return true;
        }

        if (NameWords.Common.Contains(bare) || IsVerbForm(bare))
        {
            return false;
        }

        // Acronyms are conditions and services ("I'm an MS patient", "ALS"), not names.
        if (bare.Length <= 4 && bare.All(char.IsUpper))
        {
            return false;
        }

        if (char.IsUpper(bare[0]))
        {
            return true;
        }

        // A lower-case word that is neither a known name nor common: a name only where the
        // introduction leaves no doubt ("my name is jo", "its dave here"), never one that reads
        // as a description ("I'm hypotonic", "it's unbearable here").
        return strictness == Strictness.AnyCase && !IsDescriptive(bare);
    }

    private static bool IsVerbForm(string word) =>
        word.Length > 4 && (word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ed", StringComparison.OrdinalIgnoreCase));

    private static bool IsDescriptive(string word) =>
        word.Length > 5 && DescriptiveEnding().IsMatch(word);

    // "my name is", "my name's", "name's", "I'm called", "call me", Spanish "me llamo", "mi nombre es".
    [GeneratedRegex(
        @"(?:\bmy\s+name\s+is|\bmy\s+name['’]?s|(?<![\w'’])name['’]s|\bi['’]?m\s+called|\bi\s+am\s+called|\bcall\s+me|\bme\s+llamo|\bmi\s+nombre\s+es)\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitIntroduction();

    // Titles: "Dr. Elizabeth Blackwell", "dr smith", "Mrs Patel". "Miss", "Ms" and "Mr" only
    // capitalised ("I miss a dose", "MS"); "doctor" and "nurse" only before a capital.
    [GeneratedRegex(
        @"(?:\b(?i:dr|prof)\.?|\b(?:Mr|Mrs|Ms|Mx|Miss|MR|MRS)\.?|\b(?i:doctor|nurse)(?=\s+\p{Lu}))\s+",
        RegexOptions.CultureInvariant)]
    private static partial Regex Title();

    // "soy" is English too ("soy milk"): a name after it only in a Spanish greeting or when capitalised (below).
    [GeneratedRegex(@"\b(?:hola|buenas|buenos\s+d[ií]as|buenas\s+tardes)\b[\s,!.]*soy\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GreetedSoy();

    // "I'm", "I am", "Im", "this is", "Soy Maria": what follows is a name only if it looks like one.
    [GeneratedRegex(
        @"(?:\b[Ii]\s*['’]?\s*[Mm]|\b[Ii]\s+[Aa][Mm]|\b[Tt]his\s+[Ii]s|\b[Ss]oy(?=\s+\p{Lu}))\s+",
        RegexOptions.CultureInvariant)]
    private static partial Regex SelfIntroduction();

    [GeneratedRegex(
        @"(?<lead>(?:^|[.!?;:,]\s*|\b(?:hi|hello|hey|hiya|hola)\b[\s,!]*)(?<its>(?:it['’]?s|it\s+is)\s+)?)(?<words>\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*)?)(?<here>\s+here\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignedHere();

    [GeneratedRegex(@"\G[ \t]*(?<word>\p{L}[\p{L}'’-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex NextWord();

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?:ful|ous|ive|al|ic|less|able|ible|ant|ent|ary|ory|ish|ly)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DescriptiveEnding();
}
