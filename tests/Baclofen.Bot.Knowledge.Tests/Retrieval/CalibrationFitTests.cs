using Baclofen.Bot.Knowledge.Ranking;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace Baclofen.Bot.Knowledge.Tests.Retrieval;

/// <summary>
/// Refits the confidence calibration on the dev set the way the defaults in RetrievalOptions were
/// fitted, prints the coefficients to paste after a content change, and checks with two folds
/// (fit on half the messages, measure on the other half) that the calibration generalises.
/// </summary>
public class CalibrationFitTests(ITestOutputHelper output)
{
    /// <summary>A wrong answer to an out-of-scope message costs more than a fallback to an
    /// in-scope one, so those lines weigh more in the fit.</summary>
    private const double OutOfScopeWeight = 3.0;

    private sealed record Sample(double[] Inputs, bool Correct, double Weight);

    private static List<Sample> Samples(FaqRetriever retriever, IEnumerable<(string Message, string[] Acceptable)> lines) =>
        lines.Select(l => (l, ranked: retriever.Rank(l.Message)))
            .Where(x => x.ranked.Count > 0)
            .Select(x => new Sample(ConfidenceCalibrator.Inputs(x.ranked[0].Features), x.l.Acceptable.Contains(x.ranked[0].Entry.Id), x.l.Acceptable.Length == 0 ? OutOfScopeWeight : 1))
            .ToList();

    private static (double, double[]) Fit(IReadOnlyList<Sample> s) =>
        LogisticFit.Fit(s.Select(x => x.Inputs).ToList(), s.Select(x => x.Correct).ToList(), sampleWeights: s.Select(x => x.Weight).ToList());

    private static double ExpectedCalibrationError(IReadOnlyList<(double Confidence, bool Correct)> items, int bins = 10)
    {
        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            var inBin = items.Where(x => Math.Min((int)(x.Confidence * bins), bins - 1) == b).ToList();
            if (inBin.Count == 0) continue;
            ece += inBin.Count * Math.Abs(inBin.Average(x => x.Confidence) - inBin.Average(x => x.Correct ? 1.0 : 0.0)) / items.Count;
        }
        return ece;
    }

    [Fact]
    public void Calibration_fitted_on_half_the_dev_set_holds_on_the_other_half()
    {
        var root = RepositoryRoot.Find();
        var retriever = FaqRetriever.FromDirectory(Path.Combine(root, "faq"));
        var inScope = DevSetEvaluation.ReadInScope(Path.Combine(root, "tests", "eval", "questions.tsv")).Select(q => (q.Message, q.Acceptable));
        var outOfScope = DevSetEvaluation.ReadOutOfScope(Path.Combine(root, "tests", "eval", "out_of_scope.tsv"))
            .Where(q => q.Kind != "greeting") // the small-talk recognizer answers these before retrieval
            .Select(q => (q.Message, Array.Empty<string>()));
        var samples = Samples(retriever, inScope.Concat(outOfScope));

        var (b, w) = Fit(samples);
        output.WriteLine($"fit on the whole dev set: intercept {b:0.000}; " +
            string.Join(", ", ConfidenceCalibrator.InputNames.Zip(w, (n, v) => $"{n} {v:0.000}")));

        var folds = new List<(double Confidence, bool Correct)>();
        for (var fold = 0; fold < 2; fold++)
        {
            var fit = samples.Where((_, i) => i % 2 == fold).ToList();
            var test = samples.Where((_, i) => i % 2 != fold).ToList();
            var (fb, fw) = Fit(fit);
            var predicted = test.Select(s => (LogisticFit.Predict(fb, fw, s.Inputs), s.Correct)).ToList();
            output.WriteLine($"fold {fold}: out-of-fold ECE {ExpectedCalibrationError(predicted):0.000} on {test.Count} messages");
            folds.AddRange(predicted);
        }
        var ece = ExpectedCalibrationError(folds);
        output.WriteLine($"out-of-fold ECE, both folds: {ece:0.000}");
        Assert.True(ece < 0.12, $"out-of-fold ECE {ece:0.000}");
    }
}
