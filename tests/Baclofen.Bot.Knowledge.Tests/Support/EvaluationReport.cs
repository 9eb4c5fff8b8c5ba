using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Xunit.Abstractions;

namespace Baclofen.Bot.Knowledge.Tests.Support;

/// <summary>Prints an evaluation the way the team reads it: figures, reliability table, misses.</summary>
public static class EvaluationReport
{
    public static DevSetEvaluation Print(DevSetEvaluation ev, ITestOutputHelper output)
    {
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
    public static void PrintTimings(ITestOutputHelper output)
    {
        var root = RepositoryRoot.Find();
        var catalog = FaqLoader.Load(Path.Combine(root, "faq"));
        var retriever = new FaqRetriever(catalog);
        var messages = DevSetEvaluation.ReadInScope(Path.Combine(root, "tests", "eval", "questions.tsv")).Select(q => q.Message).ToList();
        foreach (var m in messages) retriever.Retrieve(m);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) _ = new FaqRetriever(catalog);
        var build = watch.Elapsed.TotalMilliseconds / 10;
        watch.Restart();
        for (var i = 0; i < 10; i++) foreach (var m in messages) retriever.Retrieve(m);
        var query = watch.Elapsed.TotalMicroseconds / (10 * messages.Count);
        output.WriteLine($"timings: index build incl. classifier training {build:0.0} ms ({retriever.Classifier.ExampleCount} examples, {retriever.Classifier.FeatureCount} features), query {query:0.0} µs (mean of {10 * messages.Count})");
    }
}
