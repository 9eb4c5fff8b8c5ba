namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// Turns ranking features into a probability that the entry is the right answer (Platt scaling:
/// a logistic function of the features). Raw BM25 scores are not comparable across messages, so
/// thresholds are only meaningful on a calibrated scale: 0.7 should be right about 70% of the time.
/// </summary>
public sealed class ConfidenceCalibrator(RetrievalOptions options)
{
    public double Confidence(QueryFeatures f)
    {
        var z = options.CalibrationIntercept
            + options.CalibrationScore * Math.Min(f.Score, 1.5)
            + options.CalibrationMargin * f.Margin
            + options.CalibrationUnknown * f.UnknownFraction
            + options.CalibrationSubjectMissing * (f.SubjectMissing ? 1 : 0)
            + options.CalibrationRankersAgree * (f.RankersAgree ? 1 : 0);
        return 1 / (1 + Math.Exp(-z));
    }
}
