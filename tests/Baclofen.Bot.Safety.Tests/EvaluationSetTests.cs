using Baclofen.Bot.Safety.Emergency;
using Xunit.Abstractions;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>Runs the labelled sets: the shared dev set and our own held-out sets.</summary>
public class EvaluationSetTests(ITestOutputHelper output)
{
    private const double MaxFalseAlarmRate = 0.02;

    public static TheoryData<string> Sets => new()
    {
        "tests/eval/emergency.tsv",
        "tests/Baclofen.Bot.Safety.Tests/heldout-emergency.tsv",
        "tests/Baclofen.Bot.Safety.Tests/probe-emergency.tsv",
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_emergency_and_info_line_fires_and_false_alarms_stay_rare(string relativePath)
    {
        var score = Score(relativePath);

        output.WriteLine(score.Summary);
        foreach (var miss in score.Misses) output.WriteLine("MISS " + miss);
        foreach (var wrong in score.WrongFraming) output.WriteLine("FRAMING " + wrong);

        Assert.True(score.EmergencyAndInfo > 0, "the set has no emergency or info lines");
        Assert.Equal(score.EmergencyAndInfo, score.Caught);
        Assert.Equal(score.Topic, score.TopicAnswered);
        Assert.True(score.FalseAlarms <= MaxFalseAlarmRate * score.Benign,
            $"{score.FalseAlarms} false alarms on {score.Benign} benign lines");
    }

    [Fact]
    public void Shouting_without_punctuation_changes_nothing_on_the_dev_set()
    {
        var detector = new EmergencyDetector();
        var changed = Lines("tests/eval/emergency.tsv")
            .Where(l => detector.Assess(l.Message).IsEmergency != detector.Assess(Shout(l.Message)).IsEmergency)
            .Select(l => l.Message)
            .ToList();

        foreach (var message in changed) output.WriteLine("CHANGED " + message);
        Assert.Empty(changed);
    }

    [Fact]
    public void Typos_in_long_words_rarely_hide_an_emergency()
    {
        // One slip (swap, drop, double or wrong vowel) in a third of the long words, seeded so the
        // run is repeatable. Short words stay: one slip there is often another word.
        var detector = new EmergencyDetector();
        var random = new Random(20260421);
        var lines = Lines("tests/eval/emergency.tsv").Concat(Lines("tests/Baclofen.Bot.Safety.Tests/heldout-emergency.tsv"))
            .Where(l => l.Label is "emergency" or "info").ToList();
        var missed = new List<string>();
        foreach (var (message, _) in lines)
        {
            string noisy = string.Join(' ', message.Split(' ').Select(w => random.NextDouble() < 0.33 ? Slip(w, random) : w));
            if (!detector.Assess(noisy).IsEmergency) missed.Add(noisy);
        }

        foreach (var message in missed) output.WriteLine("MISS " + message);
        output.WriteLine($"typo recall {lines.Count - missed.Count}/{lines.Count}");
        Assert.True(missed.Count <= lines.Count * 0.05, $"{missed.Count} of {lines.Count} missed with typos");
    }

    private static string Shout(string message) => new(message.ToUpperInvariant().Where(c => !char.IsPunctuation(c) || c == '\'').ToArray());

    private static string Slip(string word, Random random)
    {
        if (word.Length < 6 || !word.All(char.IsLetter)) return word;
        int i = random.Next(1, word.Length - 2);
        return random.Next(4) switch
        {
            0 => word[..i] + word[i + 1] + word[i] + word[(i + 2)..],
            1 => word[..i] + word[(i + 1)..],
            2 => word[..i] + word[i] + word[i..],
            _ => word[..i] + "aeiou"[random.Next(5)] + word[(i + 1)..],
        };
    }

    private static IEnumerable<(string Message, string Label)> Lines(string relativePath)
        => File.ReadLines(Path.Combine(RepositoryRoot.Find(), relativePath))
            .Select(l => l.Split('\t'))
            .Where(p => p.Length >= 2 && !string.IsNullOrWhiteSpace(p[0]))
            .Select(p => (p[0], p[1].Trim()));

    private static SetScore Score(string relativePath)
    {
        var detector = new SafetyGate();
        var score = new SetScore(relativePath);
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Find(), relativePath)))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0])) continue;
            string message = parts[0], label = parts[1].Trim();
            var result = detector.Assess(message);

            if (label == "topic")
            {
                // Answered: no alarm, or the alarm then the answer; never a report that stops the turn.
                score.Topic++;
                if (result.IsEmergency && !result.IsInformational) score.Misses.Add($"[topic reported as {result.Trigger}] {message}");
                else score.TopicAnswered++;
                continue;
            }

            if (label == "benign")
            {
                score.Benign++;
                if (result.IsEmergency) { score.FalseAlarms++; score.Misses.Add($"[benign fired {result.Trigger}] {message}"); }
                continue;
            }

            score.EmergencyAndInfo++;
            if (!result.IsEmergency) { score.Misses.Add($"[{label}] {message}"); continue; }
            score.Caught++;
            if (result.IsInformational == (label == "info")) score.FramingRight++;
            else score.WrongFraming.Add($"[{label}] informational={result.IsInformational} {message}");
        }
        return score;
    }

    private sealed class SetScore(string name)
    {
        public int EmergencyAndInfo, Caught, Benign, FalseAlarms, FramingRight, Topic, TopicAnswered;
        public List<string> Misses { get; } = [];
        public List<string> WrongFraming { get; } = [];

        public string Summary =>
            $"{name}: recall {Caught}/{EmergencyAndInfo}, false alarms {FalseAlarms}/{Benign}, " +
            $"informational right {FramingRight}/{Caught}, topic answered {TopicAnswered}/{Topic}";
    }
}
