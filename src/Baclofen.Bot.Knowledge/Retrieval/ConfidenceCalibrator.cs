namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// Turns ranking features into a probability that the entry is the right answer (Platt scaling:
/// a logistic function of the features). The re-ranker's own probability says which entry is the
/// most likely among the FAQ's; the other features say whether the FAQ covers the message at all
/// (words it has never seen, no mention of baclofen, a weak lexical match, the None class's share), which a
/// softmax over entries cannot tell because it always sums to one.
/// </summary>
public sealed class ConfidenceCalibrator(RetrievalOptions options)
{
    /// <summary>The calibrator's inputs, in the order of <see cref="RetrievalOptions.CalibrationWeights"/>.</summary>
    public static double[] Inputs(QueryFeatures f) =>
    [
        Math.Log(Math.Max(f.Probability, 1e-4)),
        f.ProbabilityMargin,
        Math.Min(f.Score, 1.5),
        f.UnknownFraction,
        f.SubjectMissing ? 1 : 0,
        f.UnseenTermShare,
        f.ForeignName ? 1 : 0,
        f.Uncovered,
        Math.Min(f.BestQuestionScore, 1.5),
        f.OutOfScope,
        1.0 / Math.Max(f.ContentTerms, 1),
        Math.Log(Math.Max(f.ClassifierProbability, 1e-4)),
    ];

    /// <summary>Names of <see cref="Inputs"/>, for reports.</summary>
    public static readonly string[] InputNames = ["ln p", "p margin", "bm25", "unknown", "no subject", "unseen", "foreign name", "uncovered", "best question", "none", "1/content terms", "ln classifier p"];

    public double Confidence(QueryFeatures f)
    {
        var x = Inputs(f);
        var w = options.CalibrationWeights();
        var z = options.CalibrationIntercept;
        for (var i = 0; i < x.Length && i < w.Length; i++) z += w[i] * x[i];
        return 1 / (1 + Math.Exp(-z));
    }
}
