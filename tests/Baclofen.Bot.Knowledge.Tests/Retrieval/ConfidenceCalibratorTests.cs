using Baclofen.Bot.Knowledge.Retrieval;

namespace Baclofen.Bot.Knowledge.Tests.Retrieval;

public class ConfidenceCalibratorTests
{
    private static readonly ConfidenceCalibrator Calibrator = new(new RetrievalOptions());

    private static QueryFeatures Features(double probability = 0.5, double margin = 0.2, bool subjectMissing = false, bool foreign = false, double unseen = 0, double uncovered = 0) =>
        new(Score: 0.6, BestQuestionScore: 0.5, EntryScore: 0.6, Margin: 0.1, UnknownFraction: 0, SubjectMissing: subjectMissing, RankersAgree: true,
            ClassifierProbability: probability, Probability: probability, ProbabilityMargin: margin, UnseenTermShare: unseen, ForeignName: foreign, Uncovered: uncovered);

    [Fact]
    public void Confidence_rises_with_the_rerankers_probability()
    {
        var previous = 0.0;
        foreach (var p in new[] { 0.05, 0.2, 0.4, 0.6, 0.8, 0.99 })
        {
            var c = Calibrator.Confidence(Features(probability: p, margin: p - 0.05));
            Assert.InRange(c, 0, 1);
            Assert.True(c > previous, $"confidence at p={p} is {c}, not above {previous}");
            previous = c;
        }
    }

    [Fact]
    public void Signs_of_another_topic_lower_the_confidence()
    {
        var plain = Calibrator.Confidence(Features());
        Assert.True(Calibrator.Confidence(Features(subjectMissing: true)) < plain);
        Assert.True(Calibrator.Confidence(Features(subjectMissing: true, foreign: true)) < Calibrator.Confidence(Features(subjectMissing: true)));
        Assert.True(Calibrator.Confidence(Features(unseen: 0.5)) < plain);
        Assert.True(Calibrator.Confidence(Features(uncovered: 0.5)) < plain);
    }

    [Fact]
    public void Options_weights_and_inputs_line_up()
    {
        Assert.Equal(ConfidenceCalibrator.InputNames.Length, ConfidenceCalibrator.Inputs(Features()).Length);
        Assert.Equal(ConfidenceCalibrator.InputNames.Length, new RetrievalOptions().CalibrationWeights().Length);
    }
}
