namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// Retrieval settings, bound by the host from the "Retrieval" section of appsettings.json. Only
/// the thresholds are meant to be tuned per deployment; the rest are engine parameters whose
/// defaults were measured on the development set (tests/eval) and are exposed so an evaluation
/// run can vary them without a rebuild.
/// </summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Retrieval";

    /// <summary>Calibrated confidence at or above which the best entry is given as the answer.
    /// 0.65 on the dev set: 5% of in-scope messages answered wrongly (10.5% at 0.55) for a
    /// clarify rate of about 20%; a wrong confident answer costs more than a "did you mean".</summary>
    public double AnswerThreshold { get; set; } = 0.65;

    /// <summary>Below this confidence nothing is offered: the reply is the fallback.</summary>
    public double ClarifyThreshold { get; set; } = 0.35;

    /// <summary>Even above <see cref="AnswerThreshold"/>, when the runner-up's confidence is within
    /// this distance of the best, the user is asked to choose instead: two near-equal entries
    /// mean we do not know which one they want.</summary>
    public double AnswerMargin { get; set; } = 0.0;

    /// <summary>At most this many choices in a clarify reply.</summary>
    public int MaxClarifyCandidates { get; set; } = 3;

    /// <summary>A runner-up joins a clarify reply only with at least this fraction of the best
    /// entry's ranking score, so the choices are all plausible.</summary>
    public double ClarifyRelativeScore { get; set; } = 0.5;

    // --- engine parameters ---

    public double K1 { get; set; } = 1.2;
    public double B { get; set; } = 0.75;

    /// <summary>Field boosts of the entry-level BM25: questions are the curated way of asking, the
    /// answer's vocabulary only supports them.</summary>
    public double QuestionsBoost { get; set; } = 2.0;
    public double AnswerBoost { get; set; } = 0.5;
    public double KeywordsBoost { get; set; } = 1.0;

    /// <summary>Weight of the best single question (each question scored as its own mini-document)
    /// against the entry-level score in the ranking blend; 1 is best-question only.</summary>
    public double BestQuestionWeight { get; set; } = 0.6;

    /// <summary>How much a term found nowhere in the FAQ counts against a match, as a fraction of
    /// the idf it would have had: a message about another drug or another topic should not look
    /// like a good match because one common word matched.</summary>
    public double UnknownTermWeight { get; set; } = 0.5;

    /// <summary>Leading characters a fuzzy (typo) match must share with the vocabulary term.</summary>
    public int FuzzyPrefixLength { get; set; } = 1;

    /// <summary>Shortest unknown term corrected with one edit, and with two (see FuzzyQuery).</summary>
    public int FuzzyOneEditMinLength { get; set; } = 6;
    public int FuzzyTwoEditsMinLength { get; set; } = 9;

    /// <summary>Logistic calibration of the confidence: σ(intercept + score·s + margin·m +
    /// unknown·u). Fitted on the development set (see the dev-set test's output).</summary>
    public double CalibrationIntercept { get; set; } = -0.26;
    public double CalibrationScore { get; set; } = 1.37;
    public double CalibrationMargin { get; set; } = 2.62;
    public double CalibrationUnknown { get; set; } = -1.6;
    public double CalibrationSubjectMissing { get; set; } = -1.6;
    public double CalibrationRankersAgree { get; set; } = 0.27;
}
