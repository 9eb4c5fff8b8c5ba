using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Ranking;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace Baclofen.Bot.Knowledge.Tests.Retrieval;

/// <summary>
/// Refits the confidence calibration the way the defaults in RetrievalOptions were fitted, prints
/// the coefficients to paste after a content change, and checks that it generalises: fit on half
/// the dev set, measure on the other half and on the held-out sets, which the fit never sees.
/// </summary>
/// <remarks>
/// The out-of-scope side is the dev set's non-greeting lines plus every example of
/// faq/out-of-scope.txt scored out of fold: the classifier is retrained without a fold's examples
/// and then scores them, so they look like unseen out-of-scope messages rather than training data.
/// </remarks>
public class CalibrationFitTests(ITestOutputHelper output)
{
    /// <summary>Total weight of the out-of-scope side: 3 × the 40 dev lines, as when the dev lines
    /// alone were weighted 3, so the prior the confidence assumes stays the same.</summary>
    private const double OutOfScopeTotalWeight = 120;

    private const int Folds = 5;

    private sealed record Sample(double[] Inputs, bool Correct, double Weight);

    private static Sample? Judge(FaqRetriever retriever, string message, string[] acceptable, double weight) =>
        retriever.Rank(message) is { Count: > 0 } ranked
            ? new Sample(ConfidenceCalibrator.Inputs(ranked[0].Features), acceptable.Contains(ranked[0].Entry.Id), weight)
            : null;

    private static List<Sample> InScope(FaqRetriever retriever, string file) =>
        DevSetEvaluation.ReadInScope(file).Select(q => Judge(retriever, q.Message, q.Acceptable, 1)).OfType<Sample>().ToList();

    private static List<string> OutOfScopeLines(string file) =>
        DevSetEvaluation.ReadOutOfScope(file).Where(q => q.Kind != "greeting").Select(q => q.Message).ToList();

    /// <summary>faq/out-of-scope.txt, each example scored by a retriever trained without it.</summary>
    private static List<double[]> OutOfFoldExamples(FaqCatalog catalog)
    {
        var inputs = new List<double[]>();
        var examples = catalog.OutOfScopeExamples;
        for (var fold = 0; fold < Folds; fold++)
        {
            var rest = examples.Where((_, i) => i % Folds != fold).ToList();
            var retriever = new FaqRetriever(new FaqCatalog(catalog.Entries, catalog.Disclaimers, catalog.Sources, catalog.SynonymRules, rest));
            foreach (var example in examples.Where((_, i) => i % Folds == fold))
                if (Judge(retriever, example, [], 0) is { } s) inputs.Add(s.Inputs);
        }
        return inputs;
    }

    private static List<Sample> WithOutOfScope(List<Sample> inScope, IEnumerable<double[]> outOfScope)
    {
        var negatives = outOfScope.ToList();
        return [.. inScope, .. negatives.Select(x => new Sample(x, false, OutOfScopeTotalWeight / negatives.Count))];
    }

    private static (double, double[]) Fit(IReadOnlyList<Sample> s) =>
        LogisticFit.Fit(s.Select(x => x.Inputs).ToList(), s.Select(x => x.Correct).ToList(), sampleWeights: s.Select(x => x.Weight).ToList());

    private static List<(double Confidence, bool Correct)> Predict((double B, double[] W) fit, IEnumerable<Sample> samples) =>
        samples.Select(s => (LogisticFit.Predict(fit.B, fit.W, s.Inputs), s.Correct)).ToList();

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

    private void PrintTable(string title, IReadOnlyList<(double Confidence, bool Correct)> items, int bins = 10)
    {
        output.WriteLine($"{title}: n={items.Count}, ECE {ExpectedCalibrationError(items):0.000}");
        output.WriteLine("confidence     n   mean conf  accuracy");
        for (var b = 0; b < bins; b++)
        {
            var inBin = items.Where(x => Math.Min((int)(x.Confidence * bins), bins - 1) == b).ToList();
            if (inBin.Count > 0)
                output.WriteLine($"{b / 10.0:0.0}-{(b + 1) / 10.0:0.0}   {inBin.Count,4}     {inBin.Average(x => x.Confidence),5:0.00}     {inBin.Average(x => x.Correct ? 1.0 : 0.0),5:0.00}");
        }
    }

    [Fact]
    public void Calibration_fitted_on_half_the_dev_set_holds_on_the_other_half_and_on_held_out_sets()
    {
        var root = RepositoryRoot.Find();
        string Eval(string file) => Path.Combine(root, "tests", "eval", file);
        var catalog = FaqLoader.Load(Path.Combine(root, "faq"));
        var retriever = new FaqRetriever(catalog);
        var inScope = InScope(retriever, Eval("questions.tsv"));
        var devOutOfScope = OutOfScopeLines(Eval("out_of_scope.tsv")).Select(m => Judge(retriever, m, [], 0)).OfType<Sample>().Select(s => s.Inputs).ToList();
        var examples = OutOfFoldExamples(catalog);

        var whole = Fit(WithOutOfScope(inScope, devOutOfScope.Concat(examples)));
        output.WriteLine($"fit on the whole dev set + out-of-fold examples: intercept {whole.Item1:0.000}; " +
            string.Join(", ", ConfidenceCalibrator.InputNames.Zip(whole.Item2, (n, v) => $"{n} {v:0.000}")));

        // Held-out sets, scored with the fitted defaults' features: never part of any fit.
        var heldOut = InScope(retriever, Eval("heldout-questions.tsv"))
            .Concat(InScope(retriever, Eval("heldout-questions-2.tsv")))
            .Concat(new[] { "heldout-out-of-scope.tsv", "heldout-out-of-scope-2.tsv" }
                .SelectMany(f => OutOfScopeLines(Eval(f)))
                .Select(m => Judge(retriever, m, [], 1)).OfType<Sample>())
            .ToList();

        var outOfFold = new List<(double, bool)>();
        for (var fold = 0; fold < 2; fold++)
        {
            bool InFold(int i) => i % 2 == fold;
            var fit = Fit(WithOutOfScope(inScope.Where((_, i) => InFold(i)).ToList(),
                devOutOfScope.Where((_, i) => InFold(i)).Concat(examples.Where((_, i) => InFold(i)))));
            var other = inScope.Where((_, i) => !InFold(i))
                .Concat(devOutOfScope.Where((_, i) => !InFold(i)).Select(x => new Sample(x, false, 1))).ToList();
            outOfFold.AddRange(Predict(fit, other));
            PrintTable($"fold {fold}: fitted on half, measured on the other half of the dev set", Predict(fit, other));
            PrintTable($"fold {fold}: measured on the held-out sets", Predict(fit, heldOut));
        }
        var served = new RetrievalOptions();
        PrintTable("served calibration (RetrievalOptions defaults) on the held-out sets", Predict((served.CalibrationIntercept, served.CalibrationWeights()), heldOut));
        var ece = ExpectedCalibrationError(outOfFold);
        output.WriteLine($"out-of-fold ECE, both halves: {ece:0.000}");
        Assert.True(ece < 0.12, $"out-of-fold ECE {ece:0.000}");
    }
}
