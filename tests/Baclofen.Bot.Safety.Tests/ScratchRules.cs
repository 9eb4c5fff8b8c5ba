using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.Safety.Learned;
using Xunit.Abstractions;

namespace Baclofen.Bot.Safety.Tests;

public class ScratchRules(ITestOutputHelper output)
{
    [Fact]
    public void Rules()
    {
        var rules = new EmergencyDetector();
        var corpus = ShippedCorpus.Load();
        int fa = 0, miss = 0, topicAlarm = 0, infoQuiet = 0;
        foreach (var l in corpus)
        {
            var e = rules.Explain(l.Message);
            var a = e.Assessment;
            if (l.Label == "benign" && a.IsEmergency) { fa++; output.WriteLine($"FA [{string.Join("; ", e.Evidence)}] {l.Message}"); }
            if (l.IsEmergency && !a.IsEmergency) { miss++; output.WriteLine($"MISS {l.CategoryName} [{string.Join("; ", e.Evidence)}] {l.Message}"); }
            if (l.Label == "topic" && a.IsEmergency) { topicAlarm++; output.WriteLine($"TOPICALARM {(a.IsInformational ? "info" : "report")} [{string.Join("; ", e.Evidence)}] {l.Message}"); }
            if (l.Label == "info" && !(a.IsEmergency && a.IsInformational)) { infoQuiet++; output.WriteLine($"INFO {a.IsEmergency} [{string.Join("; ", e.Evidence)}] {l.Message}"); }
        }
        output.WriteLine($"fa {fa} miss {miss} topicAlarm {topicAlarm} infoWrong {infoQuiet}");
    }
}
