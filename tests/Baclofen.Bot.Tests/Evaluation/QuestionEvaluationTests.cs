using Baclofen.Bot.Eval.Evaluation;
using Xunit.Abstractions;

namespace Baclofen.Bot.Tests.Evaluation;

/// <summary>
/// Issue 3's targets (and issue 8's "clarify must not swallow clear answers"), measured through the
/// served pipeline on the development sets exactly as the evaluation command measures them: a
/// clarify, a fallback or an emergency reply on an FAQ question counts as a miss.
/// </summary>
public sealed class QuestionEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Faq_questions_meet_the_top1_and_top3_targets_with_few_clarifications()
    {
        var report = ServedPipeline.Evaluator.Questions(ServedPipeline.Set("questions.tsv"));
        new ReportPrinter(new OutputWriter(output), 200).Print("questions.tsv", report);

        Assert.True(report.Top1Accuracy >= 0.95, $"top-1 {report.Top1Accuracy:P1}");
        Assert.True(report.Top3Accuracy >= 0.99, $"top-3 {report.Top3Accuracy:P1}");
        Assert.True(report.ClarifyRate <= 0.05, $"clarify {report.ClarifyRate:P1}");
        Assert.True(report.ConfidentlyWrong <= 4, $"{report.ConfidentlyWrong} confidently wrong answers");
    }

    [Fact]
    public void Out_of_scope_messages_get_the_fallback_or_small_talk_never_an_answer()
    {
        var report = ServedPipeline.Evaluator.OutOfScope(ServedPipeline.Set("out_of_scope.tsv"));
        new ReportPrinter(new OutputWriter(output), 200).Print("out_of_scope.tsv", report);

        Assert.True(report.NotAnsweredRate >= 0.90, $"not answered {report.NotAnsweredRate:P1}");
    }
}
