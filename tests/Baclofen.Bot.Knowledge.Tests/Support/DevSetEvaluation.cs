using System.Text;
using Baclofen.Bot.Knowledge.Retrieval;

namespace Baclofen.Bot.Knowledge.Tests.Support;

/// <summary>
/// Runs tests/eval through a retriever and computes the figures the team tracks: top-1 (strict =
/// Answer outcome with an acceptable id; loose = best-ranked candidate acceptable whatever the
/// outcome), top-3, clarify rate, out-of-scope non-answer rate, and a reliability table of the
/// calibrated confidence.
/// </summary>
public sealed class DevSetEvaluation
{
    public sealed record InScope(string Message, string[] Acceptable);
    public sealed record OutOfScope(string Message, string Kind);

    public sealed record Judged(string Message, string Expected, RetrievalOutcome Outcome, string? TopId, double Confidence, bool Top1, bool Top3, bool StrictTop1, string Ranking);

    public IReadOnlyList<Judged> InScopeResults { get; }
    public IReadOnlyList<Judged> OutOfScopeResults { get; }

    public DevSetEvaluation(FaqRetriever retriever, IEnumerable<InScope> inScope, IEnumerable<OutOfScope> outOfScope)
    {
        InScopeResults = inScope.Select(q => Judge(retriever, q.Message, q.Acceptable, string.Join(',', q.Acceptable))).ToList();
        OutOfScopeResults = outOfScope.Select(q => Judge(retriever, q.Message, [], q.Kind)).ToList();
    }

    private static Judged Judge(FaqRetriever retriever, string message, string[] acceptable, string expected)
    {
        var ranked = retriever.Rank(message);
        var result = retriever.Retrieve(message);
        var top = ranked.FirstOrDefault();
        var top1 = top is not null && acceptable.Contains(top.Entry.Id);
        var top3 = ranked.Take(3).Any(r => acceptable.Contains(r.Entry.Id));
        var strict = result.Outcome == RetrievalOutcome.Answer && acceptable.Contains(result.Best!.Entry.Id);
        var ranking = string.Join(" ", ranked.Take(3).Select(r => $"{r.Entry.Id}({r.Confidence:0.00}|p{r.Features.Probability:0.00} k{r.Features.ClassifierProbability:0.00} s{r.Features.Score:0.00} u{r.Features.UnknownFraction:0.00} n{r.Features.UnseenTermShare:0.00}{(r.Features.SubjectMissing ? " no-subject" : "")}{(r.Features.ForeignName ? " foreign" : "")})"));
        return new Judged(message, expected, result.Outcome, top?.Entry.Id, top?.Confidence ?? 0, top1, top3, strict, ranking);
    }

    public double Top1 => Rate(InScopeResults, j => j.Top1);
    public double StrictTop1 => Rate(InScopeResults, j => j.StrictTop1);
    public double Top3 => Rate(InScopeResults, j => j.Top3);
    public double ClarifyRate => Rate(InScopeResults, j => j.Outcome == RetrievalOutcome.Clarify);
    public double FallbackRate => Rate(InScopeResults, j => j.Outcome == RetrievalOutcome.Fallback);
    public double WrongAnswerRate => Rate(InScopeResults, j => j.Outcome == RetrievalOutcome.Answer && !j.StrictTop1);
    /// <summary>In-scope messages whose clarify reply offers an acceptable entry.</summary>
    public double ClarifyHelpfulRate => Rate(InScopeResults, j => j.Outcome == RetrievalOutcome.Clarify && j.Top3);
    /// <summary>Greeting-kind lines count as passing when not answered: in the bot the small-talk
    /// recognizer catches them before retrieval.</summary>
    public double OutOfScopeNonAnswer => Rate(OutOfScopeResults, j => j.Outcome != RetrievalOutcome.Answer);
    public double OutOfScopeNonAnswerWithoutGreetings => Rate(OutOfScopeResults.Where(j => j.Expected != "greeting").ToList(), j => j.Outcome != RetrievalOutcome.Answer);

    public static DevSetEvaluation FromFiles(FaqRetriever retriever, string inScopePath, string outOfScopePath) =>
        new(retriever, ReadInScope(inScopePath), ReadOutOfScope(outOfScopePath));

    private static double Rate(IReadOnlyList<Judged> items, Func<Judged, bool> predicate) =>
        items.Count == 0 ? 0 : (double)items.Count(predicate) / items.Count;

    public static IEnumerable<InScope> ReadInScope(string path) =>
        ReadTsv(path).Select(f => new InScope(f[0], f[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    public static IEnumerable<OutOfScope> ReadOutOfScope(string path) =>
        ReadTsv(path).Select(f => new OutOfScope(f[0], f[1].Trim()));

    private static IEnumerable<string[]> ReadTsv(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => l.Split('\t')).Where(f => f.Length >= 2);

    /// <summary>Confidence of the best-ranked entry, binned, against how often it was right
    /// (out-of-scope messages count as wrong whatever was ranked first).</summary>
    public string ReliabilityTable(int bins = 10)
    {
        var all = InScopeResults.Select(j => (j.Confidence, Correct: j.Top1))
            .Concat(OutOfScopeResults.Select(j => (j.Confidence, Correct: false)))
            .ToList();
        var sb = new StringBuilder();
        sb.AppendLine("confidence   n    mean conf  accuracy");
        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            double lo = (double)b / bins, hi = (double)(b + 1) / bins;
            var inBin = all.Where(x => x.Confidence >= lo && (x.Confidence < hi || (b == bins - 1 && x.Confidence <= hi))).ToList();
            if (inBin.Count == 0) { sb.AppendLine($"{lo:0.0}-{hi:0.0}    0"); continue; }
            var meanConf = inBin.Average(x => x.Confidence);
            var accuracy = inBin.Average(x => x.Correct ? 1.0 : 0.0);
            ece += inBin.Count * Math.Abs(meanConf - accuracy) / all.Count;
            sb.AppendLine($"{lo:0.0}-{hi:0.0}  {inBin.Count,4}    {meanConf,5:0.00}     {accuracy,5:0.00}");
        }
        sb.AppendLine($"expected calibration error: {ece:0.000}");
        return sb.ToString();
    }

    public string Summary() =>
        $"in-scope n={InScopeResults.Count}: top-1 loose {Top1:P1}, strict {StrictTop1:P1}, top-3 {Top3:P1}, " +
        $"clarify {ClarifyRate:P1} (offering a right entry {ClarifyHelpfulRate:P1}), fallback {FallbackRate:P1}, wrong answers {WrongAnswerRate:P1}; " +
        $"out-of-scope n={OutOfScopeResults.Count}: non-answer {OutOfScopeNonAnswer:P1} (greetings left out: {OutOfScopeNonAnswerWithoutGreetings:P1})";
}
