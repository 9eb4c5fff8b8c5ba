using Baclofen.Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Baclofen.Bot.Pipeline;

namespace Baclofen.Bot.Eval.Evaluation;

/// <summary>
/// Runs development sets through the bot's own <see cref="TurnPipeline"/> and measures what
/// issue 3 and 4 hold us to. The figures come from the same replies a user would get.
/// </summary>
/// <param name="rankIds">The retriever's full ranking for a query, best first: top-3 is measured
/// on it, since an answer's result names only the entry it answers with.</param>
public sealed class Evaluator(TurnPipeline pipeline, Func<string, IEnumerable<string>> rankIds)
{
    /// <summary>
    /// The evaluator over the pipeline exactly as the host composes it; the ranking for top-3
    /// comes from that pipeline's own retriever, so the index is built once.
    /// </summary>
    public static Evaluator Create(IConfiguration configuration, string contentRoot)
    {
        var catalog = BotComposition.LoadCatalog(configuration, contentRoot);
        var retriever = BotComposition.CreateRetriever(configuration, catalog);
        return new Evaluator(BotComposition.CreatePipeline(configuration, catalog, retriever), query => retriever.Rank(query).Select(r => r.Entry.Id));
    }

    public QuestionReport Questions(IReadOnlyList<EvalLine> lines)
    {
        var report = new QuestionReport();
        foreach (var line in lines)
        {
            var acceptable = line.Expectation.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var result = pipeline.Process(line.Message);
            var answer = result.Replies.FirstOrDefault(r => r.Kind == ReplyKind.Answer);
            var clarify = result.Replies.FirstOrDefault(r => r.Kind == ReplyKind.Clarify);
            var top3 = result.RetrievalQuery is null ? [] : rankIds(result.RetrievalQuery).Take(3).ToList();

            var top1 = answer is not null && acceptable.Contains(answer.FaqId);
            report.Total++;
            if (top1) report.Top1++;
            if (top1 || top3.Any(acceptable.Contains)) report.Top3++;
            if (clarify is not null) report.Clarified++;
            if (answer is null && clarify is null) report.FellBack++;
            if (answer is not null)
            {
                report.Calibration.Add(answer.Score ?? 0, top1);
            }

            if (!top1)
            {
                var got = answer is not null ? $"answer {answer.FaqId} ({answer.Score:0.00})"
                    : clarify is not null ? $"clarify [{string.Join(", ", clarify.Candidates)}]"
                    : $"{result.Replies.FirstOrDefault()?.Kind.ToString().ToLowerInvariant()}";
                report.Misses.Add($"{line.Message}  → {got}; expected {line.Expectation}; top3 [{string.Join(", ", top3)}]");
                if (answer is not null) report.ConfidentlyWrong++;
            }
        }

        return report;
    }

    public OutOfScopeReport OutOfScope(IReadOnlyList<EvalLine> lines)
    {
        var report = new OutOfScopeReport();
        foreach (var line in lines)
        {
            var result = pipeline.Process(line.Message);
            report.Total++;
            var answer = result.Replies.FirstOrDefault(r => r.Kind == ReplyKind.Answer);
            var clarify = result.Replies.FirstOrDefault(r => r.Kind == ReplyKind.Clarify);
            if (answer is null)
            {
                report.NotAnswered++;
                if (clarify is not null) report.Clarified++;
            }
            else
            {
                report.Misses.Add($"{line.Message}  [{line.Expectation}] → answer {answer.FaqId} ({answer.Score:0.00})");
            }
        }

        return report;
    }

    public EmergencyReport Emergency(IReadOnlyList<EvalLine> lines)
    {
        var report = new EmergencyReport();
        foreach (var line in lines)
        {
            var result = pipeline.Process(line.Message);
            var first = result.Replies.FirstOrDefault();
            var emergencyFirst = first?.Kind == ReplyKind.Emergency;
            var answered = result.Replies.Any(r => r.Kind is ReplyKind.Answer);
            switch (line.Expectation)
            {
                case "emergency":
                    report.Emergencies++;
                    report.ByCategory.Count(line.Category ?? "(none)", emergencyFirst);
                    if (emergencyFirst)
                    {
                        report.EmergenciesCaught++;
                        report.ByDetector[result.Emergency.Detectors]++;
                    }
                    else report.Misses.Add($"MISSED emergency{(line.Category is null ? "" : $" ({line.Category})")}: {line.Message}");
                    break;
                case "info":
                    report.Info++;
                    if (emergencyFirst) report.InfoCaught++;
                    else report.Misses.Add($"MISSED info: {line.Message}");
                    if (emergencyFirst && result.Replies.Skip(1).Any(r => r.Kind is ReplyKind.Answer)) report.InfoAnswered++;
                    else report.Unanswered.Add($"info without the fixed text first then an answer: {line.Message}");
                    break;
                case "topic":
                    report.Topic++;
                    if (answered) report.TopicAnswered++;
                    else report.Unanswered.Add($"topic not answered: {line.Message}");
                    if (emergencyFirst) report.TopicWithFixedText++;
                    break;
                case "benign":
                    report.Benign++;
                    if (result.Replies.Any(r => r.Kind == ReplyKind.Emergency))
                    {
                        report.FalseAlarms++;
                        report.Misses.Add($"FALSE ALARM ({result.Emergency.Trigger}): {line.Message}");
                    }

                    break;
                default:
                    throw new FormatException($"line {line.LineNumber}: unknown label '{line.Expectation}'");
            }
        }

        return report;
    }
}
