using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace Baclofen.Bot.Knowledge.Tests.Retrieval;

/// <summary>
/// The real faq/ against tests/eval. Prints the figures, the calibration table and every miss;
/// asserts the team's targets where they are met and regression floors where they are not yet
/// (see the skipped test for the targets still open).
/// </summary>
public class DevSetTests(ITestOutputHelper output)
{
    // The targets of issue 3.
    private const double TargetTop1 = 0.95;
    private const double TargetTop3 = 0.99;
    private const double TargetOutOfScopeNonAnswer = 0.90;

    // What the engine reached when this test was written; a drop below means a regression.
    private const double FloorTop1 = 0.87;
    private const double FloorTop3 = 0.96;
    private const double CeilingWrongAnswers = 0.07;

    private static readonly Lazy<DevSetEvaluation> Evaluation = new(() =>
    {
        var root = RepositoryRoot.Find();
        var retriever = FaqRetriever.FromDirectory(Path.Combine(root, "faq"), new RetrievalOptions());
        return new DevSetEvaluation(
            retriever,
            DevSetEvaluation.ReadInScope(Path.Combine(root, "tests", "eval", "questions.tsv")),
            DevSetEvaluation.ReadOutOfScope(Path.Combine(root, "tests", "eval", "out_of_scope.tsv")));
    });

    private DevSetEvaluation Report()
    {
        var ev = Evaluation.Value;
        output.WriteLine(ev.Summary());
        output.WriteLine("");
        output.WriteLine(ev.ReliabilityTable());
        foreach (var j in ev.InScopeResults.Where(j => !j.StrictTop1))
            output.WriteLine($"{(j.Top1 ? "not answered" : "MISS")} [{j.Expected}] {j.Message}\n    {j.Outcome}: {j.Ranking}");
        foreach (var j in ev.OutOfScopeResults.Where(j => j.Outcome == RetrievalOutcome.Answer))
            output.WriteLine($"OUT-OF-SCOPE ANSWERED [{j.Expected}] {j.Message}\n    {j.Ranking}");
        return ev;
    }

    /// <summary>Timings for the report only, never asserted (machines differ; the first runs
    /// include JIT warm-up, so take the figures as an upper bound).</summary>
    private void PrintTimings()
    {
        var root = RepositoryRoot.Find();
        var catalog = Baclofen.Bot.Knowledge.Faq.FaqLoader.Load(Path.Combine(root, "faq"));
        var retriever = new FaqRetriever(catalog);
        var messages = DevSetEvaluation.ReadInScope(Path.Combine(root, "tests", "eval", "questions.tsv")).Select(q => q.Message).ToList();
        foreach (var m in messages) retriever.Retrieve(m);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) _ = new FaqRetriever(catalog);
        var build = watch.Elapsed.TotalMilliseconds / 10;
        watch.Restart();
        for (var i = 0; i < 10; i++) foreach (var m in messages) retriever.Retrieve(m);
        var query = watch.Elapsed.TotalMicroseconds / (10 * messages.Count);
        output.WriteLine($"timings: index build {build:0.0} ms, query {query:0.0} µs (mean of {10 * messages.Count})");
    }

    [Fact]
    public void Dev_set_out_of_scope_messages_are_mostly_not_answered()
    {
        var ev = Report();
        Assert.True(ev.OutOfScopeNonAnswer >= TargetOutOfScopeNonAnswer, ev.Summary());
    }

    [Fact]
    public void Dev_set_ranking_does_not_regress()
    {
        var ev = Report();
        PrintTimings();
        Assert.True(ev.Top1 >= FloorTop1, ev.Summary());
        Assert.True(ev.Top3 >= FloorTop3, ev.Summary());
        Assert.True(ev.WrongAnswerRate <= CeilingWrongAnswers, ev.Summary());
    }

    [Fact(Skip = "Open: issue 3 targets top-1 >= 95% and top-3 >= 99%; the lexical engine reaches about 88% and 97% on the dev set. Remove Skip when met.")]
    public void Dev_set_meets_the_issue_targets()
    {
        var ev = Report();
        Assert.True(ev.Top1 >= TargetTop1, ev.Summary());
        Assert.True(ev.Top3 >= TargetTop3, ev.Summary());
    }
}
