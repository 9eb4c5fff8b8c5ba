using Baclofen.Bot.Knowledge.Ranking;

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

    /// <summary>Calibrated confidence at or above which the best entry is answered even when a
    /// runner-up is close. Between <see cref="ClarifyThreshold"/> and this, the best entry is
    /// answered unless a runner-up is close (see <see cref="ClarifyCloseness"/>), in which case the
    /// user chooses. 0.7 on the dev set (see DevSetTests): clarify about 1.5% of in-scope messages.</summary>
    public double AnswerThreshold { get; set; } = 0.7;

    /// <summary>Below this confidence nothing is offered: the reply is the fallback. 0.5, the point
    /// where the calibrated confidence says an answer is more likely right than wrong; on the dev
    /// set 0.35–0.55 differ by one in-scope message, and a wrong answer costs more than an honest
    /// "I don't know".</summary>
    public double ClarifyThreshold { get; set; } = 0.5;

    /// <summary>Below <see cref="ClarifyThreshold"/>, offer the close entries (see
    /// <see cref="ClarifyCloseness"/>) instead of the fallback when their confidences together
    /// reach the clarify threshold: the user is likely to find the answer among them.</summary>
    public bool ClarifyWhenSplit { get; set; } = true;

    /// <summary>Even above <see cref="AnswerThreshold"/>, when the runner-up's confidence is within
    /// this distance of the best, the user is asked to choose instead: two near-equal entries
    /// mean we do not know which one they want.</summary>
    public double AnswerMargin { get; set; } = 0.0;

    /// <summary>The message falls back when the classifier's None class (trained on
    /// faq/out-of-scope.txt) holds at least this share of its probability, whatever the
    /// confidence. A backstop: the calibrated confidence already weighs the None share. 0.5 since
    /// the FAQ gained subject-less phrasings and more out-of-scope examples: on all six
    /// out-of-scope sets it falls back exactly as often as 0.4, and it stops vetoing in-scope
    /// questions that name a common painkiller or a wedding's beers beside baclofen
    /// (dev top-1 +2 lines); 0.3 swallows many of those.</summary>
    public double OutOfScopeThreshold { get; set; } = 0.5;

    /// <summary>At most this many choices in a clarify reply.</summary>
    public int MaxClarifyCandidates { get; set; } = 3;

    /// <summary>A runner-up joins a clarify reply only when the re-ranker finds it at least this
    /// fraction as probable as the best entry. Below the answer threshold, a best entry with no
    /// such runner-up is still answered: asking "did you mean" with one real option helps nobody.</summary>
    public double ClarifyCloseness { get; set; } = 0.7;

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

    /// <summary>Weight of the BM25 score against the classifier's log-probability in the
    /// re-ranker: P(entry) ∝ P_classifier(entry) · exp(weight · bm25).</summary>
    public double RerankBm25Weight { get; set; } = 3.0;

    /// <summary>Weight of an entry's uncovered share (the message's words, the subject aside, that
    /// none of its questions or keywords use) subtracted from its log-score in the re-ranker.</summary>
    public double RerankUncoveredWeight { get; set; } = 1.0;

    /// <summary>Weight of the best single clause's log-probability for each entry, added to the
    /// whole message's in the re-ranker (see MessageSegments); 0 turns clause focus off. 0.75 on
    /// the dev set (0.5–1 within one message of each other; 2 starts to lose short messages).</summary>
    /// <summary>A clause takes part in clause focus only with at least this many query terms: a
    /// one-word tail ("does that happen", "is that normal") is thin evidence, and on its own it
    /// made "happen" send a long message about a drug that stopped helping to the overdose entry.</summary>
    public int ClauseFocusMinTerms { get; set; } = 2;

    public double ClauseFocusWeight { get; set; } = 0.75;

    /// <summary>Logistic calibration of the confidence: σ(intercept + Σ weight·input), inputs as
    /// listed by <see cref="ConfidenceCalibrator.Inputs"/>. Fitted (LogisticFit) on the dev set's
    /// in-scope lines, its non-greeting out-of-scope lines and every example of faq/out-of-scope.txt
    /// scored out of fold (5 folds: the classifier trained without the fold's examples), so the
    /// out-of-scope side has hundreds of varied messages instead of 40. The out-of-scope side
    /// weighs 3 × 40 in total, as much as the 40 dev lines weighted 3 did before, so the prior the
    /// confidence assumes is unchanged. CalibrationFitTests prints the fit and a two-fold check.
    /// The negative BM25 and best-question weights are not "a better match is worse": they correct
    /// the re-ranker probability, which already contains the BM25 score. The classifier's own
    /// probability is an input beside the re-ranker's: clause focus and the uncovered share move
    /// the re-ranker away from it, and when both agree the leader is right more often.
    /// Separate properties rather than an array: configuration binding appends to arrays.</summary>
    public double CalibrationIntercept { get; set; } = 9.769;
    public double CalibrationLogProbability { get; set; } = 1.801;
    public double CalibrationProbabilityMargin { get; set; } = -0.526;
    public double CalibrationScore { get; set; } = -2.851;
    public double CalibrationUnknown { get; set; } = -10.111;
    public double CalibrationSubjectMissing { get; set; } = -1.988;
    public double CalibrationUnseen { get; set; } = -3.324;
    public double CalibrationForeignName { get; set; } = -4.873;
    public double CalibrationUncovered { get; set; } = -3.134;
    public double CalibrationBestQuestion { get; set; } = 1.595;
    public double CalibrationOutOfScope { get; set; } = -10.726;
    public double CalibrationContentTerms { get; set; } = -1.829;
    public double CalibrationClassifierProbability { get; set; } = 0.798;

    /// <summary>The calibration weights in the order of <see cref="ConfidenceCalibrator.Inputs"/>.</summary>
    public double[] CalibrationWeights() =>
        [CalibrationLogProbability, CalibrationProbabilityMargin, CalibrationScore, CalibrationUnknown, CalibrationSubjectMissing, CalibrationUnseen, CalibrationForeignName, CalibrationUncovered, CalibrationBestQuestion, CalibrationOutOfScope, CalibrationContentTerms, CalibrationClassifierProbability];

    /// <summary>Sets the calibration from a fitted intercept and weights (evaluation and tests).</summary>
    public void SetCalibration(double intercept, IReadOnlyList<double> w)
    {
        CalibrationIntercept = intercept;
        (CalibrationLogProbability, CalibrationProbabilityMargin, CalibrationScore, CalibrationUnknown, CalibrationSubjectMissing, CalibrationUnseen, CalibrationForeignName, CalibrationUncovered, CalibrationBestQuestion, CalibrationOutOfScope, CalibrationContentTerms, CalibrationClassifierProbability) = (w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11]);
    }

    /// <summary>Training of the learned re-ranker; not bound from configuration.</summary>
    public FaqClassifierOptions Classifier { get; set; } = new();
}
