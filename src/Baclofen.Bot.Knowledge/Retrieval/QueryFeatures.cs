namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// What the ranking saw for one entry of one message, before calibration. Exposed for the
/// evaluation harness and the calibration fit, not for the bot.
/// </summary>
/// <param name="Score">The blended ranking score, normalised by the message's self-score so it
/// reads as "how much of the message this entry explains" (about 0..1).</param>
/// <param name="Margin">score − the best other entry's score: positive only for the leader.</param>
/// <param name="UnknownFraction">Share of the message's idf mass made of terms the FAQ does not
/// contain at all.</param>
/// <param name="SubjectMissing">The message never names the FAQ's subject (baclofen or a synonym).</param>
/// <param name="RankersAgree">This entry leads both the best-question and the whole-entry ranking.</param>
public sealed record QueryFeatures(double Score, double BestQuestionScore, double EntryScore, double Margin, double UnknownFraction, bool SubjectMissing, bool RankersAgree);
