using System.Globalization;
using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Eval.Evaluation;

/// <summary>Plain-text figures a person reads in a terminal or a CI log.</summary>
public sealed class ReportPrinter(TextWriter output, int maxMisses)
{
    public void Print(string name, QuestionReport report)
    {
        output.WriteLine($"== {name}: {report.Total} questions");
        output.WriteLine($"top-1 accuracy    {Percent(report.Top1Accuracy)}  ({report.Top1}/{report.Total}; target >= 95%)");
        output.WriteLine($"top-3 accuracy    {Percent(report.Top3Accuracy)}  ({report.Top3}/{report.Total}; target >= 99%)");
        output.WriteLine($"clarify rate      {Percent(report.ClarifyRate)}  ({report.Clarified})");
        output.WriteLine($"fallback          {report.FellBack}");
        output.WriteLine($"confidently wrong {report.ConfidentlyWrong}");
        output.WriteLine("calibration (answers by confidence):");
        foreach (var (from, to, count, accuracy) in report.Calibration.Rows())
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {from:0.0}-{to:0.0}  n={count,4}  accuracy {Percent(accuracy)}"));
        }

        PrintMisses(report.Misses);
    }

    public void Print(string name, OutOfScopeReport report)
    {
        output.WriteLine($"== {name}: {report.Total} out-of-scope messages");
        output.WriteLine($"fallback or small talk (never an answer) {Percent(report.NotAnsweredRate)}  ({report.NotAnswered}/{report.Total}; target >= 90%)");
        output.WriteLine($"of which clarify                        {report.Clarified}");
        PrintMisses(report.Misses);
    }

    public void Print(string name, EmergencyReport report)
    {
        output.WriteLine($"== {name}: {report.Emergencies} emergency, {report.Info} info, {report.Topic} topic, {report.Benign} benign");
        output.WriteLine($"emergency recall (emergency reply first) {Percent(report.Recall)}  ({report.EmergenciesCaught + report.InfoCaught}/{report.Emergencies + report.Info}; target 100%)");
        output.WriteLine($"  on emergency lines                     {report.EmergenciesCaught}/{report.Emergencies}");
        output.WriteLine($"  on info lines                          {report.InfoCaught}/{report.Info}");
        if (report.ByCategory.Rows.Count > 1 || report.ByCategory.Rows.Any(r => r.Category != "(none)"))
        {
            output.WriteLine("  per category:");
            foreach (var (category, caught, total) in report.ByCategory.Rows)
            {
                output.WriteLine($"    {category,-20} {Percent(QuestionReport.Ratio(caught, total))}  ({caught}/{total})");
            }
        }

        var rules = report.ByDetector[EmergencyDetectors.Rules];
        var classifier = report.ByDetector[EmergencyDetectors.Classifier];
        var both = report.ByDetector[EmergencyDetectors.Both];
        output.WriteLine($"  caught by: rules only {rules}, classifier only {classifier}, both {both}; " +
            $"rules alone would catch {rules + both}/{report.Emergencies}, the classifier alone {classifier + both}/{report.Emergencies}");
        output.WriteLine($"info: fixed text first then an answer    {Percent(report.InfoAnswerRate)}  ({report.InfoAnswered}/{report.Info})");
        output.WriteLine($"topic: answered                          {Percent(report.TopicAnswerRate)}  ({report.TopicAnswered}/{report.Topic}; target 100%; {report.TopicWithFixedText} also got the fixed text first)");
        output.WriteLine($"false alarms on benign lines             {Percent(report.FalseAlarmRate)}  ({report.FalseAlarms}/{report.Benign}; target <= 2%)");
        PrintMisses([.. report.Misses, .. report.Unanswered]);
    }

    private void PrintMisses(IReadOnlyList<string> misses)
    {
        if (misses.Count == 0)
        {
            output.WriteLine("misses: none");
        }
        else
        {
            output.WriteLine($"misses ({misses.Count}):");
            foreach (var miss in misses.Take(maxMisses))
            {
                output.WriteLine("  - " + miss);
            }

            if (misses.Count > maxMisses)
            {
                output.WriteLine($"  ... and {misses.Count - maxMisses} more (--misses N shows more)");
            }
        }

        output.WriteLine();
    }

    private static string Percent(double ratio) => ratio.ToString("0.0%", CultureInfo.InvariantCulture).PadLeft(6);
}
