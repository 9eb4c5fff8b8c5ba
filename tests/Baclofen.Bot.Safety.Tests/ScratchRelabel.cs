using Baclofen.Bot.Safety.Emergency;
using Xunit.Abstractions;

namespace Baclofen.Bot.Safety.Tests;

public class ScratchRelabel(ITestOutputHelper output)
{
    [Fact]
    public void Relabel()
    {
        var rules = new EmergencyDetector();
        foreach (var path in new[] { "tests/Baclofen.Bot.Safety.Tests/heldout-emergency.tsv", "tests/Baclofen.Bot.Safety.Tests/probe-emergency.tsv", "tests/eval/emergency.tsv" })
            foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Find(), path)))
            {
                var p = line.Split('\t');
                if (p.Length < 2 || p[1].Trim() != "info") continue;
                var a = rules.Assess(p[0]);
                if (!a.IsEmergency) output.WriteLine($"RELABEL\t{path}\t{p[0]}\t{a.IsTopic}");
            }
    }
}
