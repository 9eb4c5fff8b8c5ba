using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.Safety.Learned;
using Xunit.Abstractions;

namespace Baclofen.Bot.Safety.Tests;

public class EmergencyClassifierTests(ITestOutputHelper output)
{
    [Fact]
    public void Training_twice_on_the_same_corpus_gives_the_same_weights_and_scores()
    {
        var corpus = ShippedCorpus.Load();
        var first = EmergencyClassifier.Train(corpus);
        var second = EmergencyClassifier.Train(corpus);

        Assert.Equal(first.AlarmWeights.Bias, second.AlarmWeights.Bias);
        Assert.True(first.AlarmWeights.Weights.AsSpan().SequenceEqual(second.AlarmWeights.Weights), "the alarm weights differ");
        foreach (var line in corpus.Take(200))
        {
            Assert.Equal(first.Score(line.Message), second.Score(line.Message));
            Assert.Equal(first.Category(line.Message), second.Category(line.Message));
        }
        output.WriteLine($"trained on {first.LineCount} lines in {first.TrainingTime.TotalMilliseconds:0} ms and {second.TrainingTime.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void The_shipped_corpus_has_at_least_2000_lines_of_every_label_and_category()
    {
        var corpus = ShippedCorpus.Load();
        foreach (var group in corpus.GroupBy(l => (l.Label, l.Category)).OrderBy(g => g.Key.ToString()))
            output.WriteLine($"{group.Key.Label,-10} {group.Key.Category?.ToString() ?? "-",-18} {group.Count(),5}");

        Assert.True(corpus.Count >= 2000, $"{corpus.Count} lines");
        foreach (var category in Enum.GetValues<EmergencyCategory>())
            Assert.Contains(corpus, l => l.IsEmergency && l.Category == category);
        Assert.Contains(corpus, l => l.Label == "benign");
        Assert.Contains(corpus, l => l.Label == "topic");
    }

    [Fact]
    public void An_empty_or_wordless_message_scores_the_bias_alone_and_allocates_nothing()
    {
        var classifier = EmergencyClassifier.Shared;
        Assert.Equal(classifier.Score(""), classifier.Score("?!  ..."));

        classifier.Score("warm-up so the first call's JIT work is not counted");
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) classifier.Score("my toddler chewed some of my baclofen, hes 2");
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
