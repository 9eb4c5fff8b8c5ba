namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// What the ranking saw for one entry of one message, before calibration. Exposed for the
/// evaluation harness and the calibration fit, not for the bot.
/// </summary>
/// <param name="Score">The first stage's blended BM25 score, normalised by the message's
/// self-score so it reads as "how much of the message this entry explains" (about 0..1).</param>
/// <param name="Margin">score − the best other entry's score: positive only for the leader.</param>
/// <param name="UnknownFraction">Share of the message's idf mass made of terms the FAQ does not
/// contain at all.</param>
/// <param name="SubjectMissing">The message never names the FAQ's subject (baclofen or a synonym).</param>
/// <param name="RankersAgree">This entry leads both the best-question and the whole-entry ranking.</param>
/// <param name="ClassifierProbability">The learned classifier's P(entry | message).</param>
/// <param name="Probability">The re-ranker's P(entry | message): classifier and BM25 combined
/// log-linearly and renormalised over all entries. Candidates are ordered by it.</param>
/// <param name="ProbabilityMargin">Probability − the best other entry's probability.</param>
/// <param name="UnseenTermShare">Share of the message's analyzed terms that no FAQ text contains.</param>
/// <param name="Uncovered">Share of the message's words, the subject aside, that this entry's
/// questions and keywords never use: what the message asks beyond what the entry is about.</param>
/// <param name="ForeignName">The message names another medicine (a name the synonyms map to a class
/// other than the FAQ's subject, e.g. tramadol → opioid) and never the subject itself.</param>
/// <param name="OutOfScope">The classifier's P(None | message): how much the message reads like the
/// FAQ's out-of-scope examples. The same for every entry of one message.</param>
/// <param name="ContentTerms">How many of the message's clauses are not the subject: "what are your
/// hours" has one, so a match on it is thin evidence however well that one word fits.</param>
public sealed record QueryFeatures(
    double Score,
    double BestQuestionScore,
    double EntryScore,
    double Margin,
    double UnknownFraction,
    bool SubjectMissing,
    bool RankersAgree,
    double ClassifierProbability = 0,
    double Probability = 0,
    double ProbabilityMargin = 0,
    double UnseenTermShare = 0,
    bool ForeignName = false,
    double Uncovered = 0,
    double OutOfScope = 0,
    int ContentTerms = 0);
