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
        Assert.True(score.FalseAlarms <= MaxFalseAlarmRate * score.Benign,
            $"{score.FalseAlarms} false alarms on {score.Benign} benign lines");
    }

    private static SetScore Score(string relativePath)
    {
        var detector = new EmergencyDetector();
        var score = new SetScore(relativePath);
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), relativePath)))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0])) continue;
            string message = parts[0], label = parts[1].Trim();
            var result = detector.Assess(message);

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

    /// <summary>The folder holding Baclofen.Bot.sln, found by walking up from the test binaries.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Baclofen.Bot.sln"))) return dir.FullName;
        throw new InvalidOperationException("Baclofen.Bot.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class SetScore(string name)
    {
        public int EmergencyAndInfo, Caught, Benign, FalseAlarms, FramingRight;
        public List<string> Misses { get; } = [];
        public List<string> WrongFraming { get; } = [];

        public string Summary =>
            $"{name}: recall {Caught}/{EmergencyAndInfo}, false alarms {FalseAlarms}/{Benign}, " +
            $"informational right {FramingRight}/{Caught}";
    }
}
