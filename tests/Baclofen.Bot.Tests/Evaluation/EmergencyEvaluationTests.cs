using Baclofen.Bot.Eval.Evaluation;
using Xunit.Abstractions;

namespace Baclofen.Bot.Tests.Evaluation;

/// <summary>Issue 4's targets, measured through the served pipeline on the development set.</summary>
public sealed class EmergencyEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_emergency_and_info_message_gets_the_emergency_reply_first_and_benign_ones_rarely_do()
    {
        var report = ServedPipeline.Evaluator.Emergency(ServedPipeline.Set("emergency.tsv"));
        new ReportPrinter(new OutputWriter(output), 200).Print("emergency.tsv", report);

        Assert.Equal(report.Emergencies + report.Info, report.EmergenciesCaught + report.InfoCaught);
        Assert.True(report.FalseAlarmRate <= 0.02, $"false alarms {report.FalseAlarmRate:P1}");
        Assert.True(report.InfoAnswerRate >= 0.8, $"info lines answered {report.InfoAnswerRate:P1}");
        // Issue 17: a question about a danger with no card keyword gets its answer.
        Assert.Equal(report.Topic, report.TopicAnswered);
    }
}
