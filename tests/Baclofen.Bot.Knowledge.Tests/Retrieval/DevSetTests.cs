using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace Baclofen.Bot.Knowledge.Tests.Retrieval;

/// <summary>
/// The real faq/ against tests/eval/questions.tsv and out_of_scope.tsv, judged strictly: top-1
/// means the outcome is Answer with an acceptable id (a clarify or fallback is a miss). Prints the
/// figures, the calibration table and every miss; asserts regression floors at what the engine
/// reaches, and the issue's targets.
/// </summary>
public class DevSetTests(ITestOutputHelper output)
{
    // The targets of issue 3.
    private const double TargetStrictTop1 = 0.95;
    private const double TargetTop3 = 0.99;
    private const double TargetOutOfScopeNonAnswer = 0.90;

    // Just below what the retriever alone reached when this test was last tuned (strict 96.7%,
    // top-3 99.5%, wrong answers 0.5%, out-of-scope non-answer 100%); a drop below these is a
    // regression even while the targets still hold.
    private const double FloorStrictTop1 = 0.95;
    private const double FloorTop3 = 0.99;
    private const double CeilingWrongAnswers = 0.02;
    private const double FloorOutOfScopeNonAnswer = 0.96;

    private static readonly Lazy<DevSetEvaluation> Evaluation = new(() =>
    {
        var root = RepositoryRoot.Find();
        return DevSetEvaluation.FromFiles(
            FaqRetriever.FromDirectory(Path.Combine(root, "faq"), new RetrievalOptions()),
            Path.Combine(root, "tests", "eval", "questions.tsv"),
            Path.Combine(root, "tests", "eval", "out_of_scope.tsv"));
    });

    private DevSetEvaluation Report() => EvaluationReport.Print(Evaluation.Value, output);

    [Fact]
    public void Dev_set_out_of_scope_messages_are_mostly_not_answered()
    {
        var ev = Report();
        Assert.True(ev.OutOfScopeNonAnswer >= FloorOutOfScopeNonAnswer, ev.Summary());
    }

    [Fact]
    public void Dev_set_ranking_does_not_regress()
    {
        var ev = Report();
        EvaluationReport.PrintTimings(output);
        Assert.True(ev.StrictTop1 >= FloorStrictTop1, ev.Summary());
        Assert.True(ev.Top3 >= FloorTop3, ev.Summary());
        Assert.True(ev.WrongAnswerRate <= CeilingWrongAnswers, ev.Summary());
    }

    [Fact]
    public void Dev_set_meets_the_issue_targets()
    {
        var ev = Report();
        Assert.True(ev.StrictTop1 >= TargetStrictTop1, ev.Summary());
        Assert.True(ev.Top3 >= TargetTop3, ev.Summary());
        Assert.True(ev.OutOfScopeNonAnswer >= TargetOutOfScopeNonAnswer, ev.Summary());
    }
}
