using Baclofen.Bot.Pipeline;
using Xunit.Abstractions;

namespace Baclofen.Bot.Tests.Evaluation;

/// <summary>
/// Issue 18: every question an entry lists in its front matter is one the entry answers, so sent
/// as a message through the served pipeline it must come back as that entry's answer. A question
/// the safety gate answers with the emergency reply alone never reaches retrieval; for those the
/// pipeline's own retriever must still rank the entry first, so the question belongs to it.
/// </summary>
public sealed class FaqQuestionWalkTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_listed_question_gets_its_own_entry_through_the_served_pipeline()
    {
        var catalog = ServedPipeline.Catalog;
        var failures = new List<string>();
        var asked = 0;
        var emergencyOnly = 0;
        foreach (var entry in catalog.Entries)
        {
            foreach (var question in entry.Questions)
            {
                asked++;
                var result = ServedPipeline.Pipeline.Process(question);
                var answer = result.Replies.FirstOrDefault(r => r.Kind == ReplyKind.Answer);
                if (answer is not null)
                {
                    if (answer.FaqId != entry.Id) failures.Add($"{entry.Id}: \"{question}\" → answer {answer.FaqId} ({answer.Score:0.00})");
                    continue;
                }

                if (result.Emergency.IsEmergency && !result.Emergency.IsInformational)
                {
                    emergencyOnly++;
                    var ranked = ServedPipeline.Retriever.Rank(question);
                    if (ranked.Count == 0 || ranked[0].Entry.Id != entry.Id)
                        failures.Add($"{entry.Id}: \"{question}\" → emergency reply only, and retrieval ranks {(ranked.Count > 0 ? ranked[0].Entry.Id : "nothing")} first");
                    continue;
                }

                var kind = result.Replies.FirstOrDefault(r => r.Kind != ReplyKind.Emergency)?.Kind.ToString() ?? "nothing";
                failures.Add($"{entry.Id}: \"{question}\" → {kind.ToLowerInvariant()}");
            }
        }

        output.WriteLine($"{asked} questions from {catalog.Entries.Count} entries; {emergencyOnly} got the emergency reply alone; {failures.Count} failed");
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
