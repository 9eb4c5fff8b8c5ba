using System.Security.Cryptography;
using System.Text;
using Baclofen.Bot.Knowledge.Faq;
using Xunit.Abstractions;

namespace Baclofen.Bot.Knowledge.Tests.Faq;

/// <summary>
/// Issue 18: facts may come from the seed pages, sentences may not. No run of 8 or more
/// consecutive words (case and punctuation ignored) in an answer, a question or a disclaimer
/// may also appear in a seed page. The pages stay out of the repository: the check compares
/// against Fixtures/seed-fingerprints.txt, one hash per 8-word run of the pages.
/// </summary>
public sealed class SeedCopyTests(ITestOutputHelper output)
{
    private const int RunLength = 8;

    private static readonly Lazy<HashSet<string>> Fingerprints = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed-fingerprints.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Lower-cased runs of a-z and 0-9; apostrophes vanish ("it's" is "its"), anything
    /// else separates words, so Markdown, bullets and line breaks don't hide a copied run.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') word.Append(lower);
            else if (c is '\'' or '\u2019') continue;
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    internal static IEnumerable<string> Runs(string text)
    {
        var words = Words(text);
        for (var i = 0; i + RunLength <= words.Count; i++) yield return string.Join(' ', words.Skip(i).Take(RunLength));
    }

    internal static string Fingerprint(string run) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(run)))[..16];

    private static List<string> CopiedRuns(string text) => Runs(text).Where(r => Fingerprints.Value.Contains(Fingerprint(r))).ToList();

    [Fact]
    public void No_answer_question_or_disclaimer_shares_eight_words_in_a_row_with_a_seed_page()
    {
        var catalog = FaqLoader.Load(Path.Combine(RepositoryRoot.Find(), "faq"));
        var texts = catalog.Entries.SelectMany(e => e.Questions.Select(q => ($"{e.Id} question", q)).Append(($"{e.Id} answer", e.Answer)))
            .Concat(catalog.Disclaimers.Values.Select(d => ($"disclaimer {d.Key}", d.Text)));

        var copied = texts.SelectMany(t => CopiedRuns(t.Item2).Select(run => $"{t.Item1}: \"{run}\"")).ToList();

        foreach (var line in copied) output.WriteLine(line);
        Assert.True(copied.Count == 0, $"{copied.Count} runs of {RunLength} words copied from a seed page:\n{string.Join("\n", copied)}");
    }

    [Fact]
    public void A_copied_sentence_is_found_whatever_its_case_and_punctuation_and_a_paraphrase_is_not()
    {
        // A seed page's sentence, re-cased and re-punctuated; then the same fact in our words.
        Assert.NotEmpty(CopiedRuns("TELL your doctor — if you have kidney disease (or if you are pregnant) before taking this"));
        Assert.Empty(CopiedRuns("Before you start, let your prescriber know about any kidney problems or a pregnancy."));
    }

    [Fact]
    public void The_fingerprints_are_those_of_the_seed_pages_when_the_pages_are_at_hand()
    {
        // The seed pages live beside the repository (../shared/seeds), or where BACLOFEN_SEED_PAGES
        // says. Where they are, the fixture must be exactly their runs; it never drifts silently.
        var folder = Environment.GetEnvironmentVariable("BACLOFEN_SEED_PAGES")
            ?? Path.Combine(RepositoryRoot.Find(), "..", "shared", "seeds");
        Assert.True(Fingerprints.Value.Count > 5000, $"only {Fingerprints.Value.Count} fingerprints");
        if (!Directory.Exists(folder))
        {
            output.WriteLine($"seed pages not found at {Path.GetFullPath(folder)}: checked the fixture's size only");
            return;
        }

        var expected = Directory.GetFiles(folder, "*.txt")
            .SelectMany(f => Runs(File.ReadAllText(f)))
            .Select(Fingerprint)
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.SetEquals(Fingerprints.Value),
            $"Fixtures/seed-fingerprints.txt is out of date: {expected.Except(Fingerprints.Value).Count()} missing, {Fingerprints.Value.Except(expected).Count()} extra");
    }
}
