using System.Globalization;
using System.Text;

namespace Baclofen.Bot.Safety.Learned;

/// <summary>One candidate threshold and what it would catch and cost on the corpus.</summary>
/// <param name="Caught">Emergencies the classifier alone catches (out of fold).</param>
/// <param name="FalseAlarms">Benign lines the classifier alone fires on (out of fold).</param>
/// <param name="CaughtEither">Emergencies the rules or the classifier catch.</param>
/// <param name="FalseAlarmsEither">Benign lines the rules or the classifier fire on.</param>
public sealed record ThresholdRow(double Threshold, int Caught, int FalseAlarms, int CaughtEither, int FalseAlarmsEither);

/// <summary>
/// How the classifier's threshold is chosen: every corpus line is scored by a model trained
/// without it (k-fold cross-validation, the folds fixed by line number), the rules are run on
/// every line, and the threshold is the lowest on a grid at which both detectors together stay
/// within the false-alarm target on the benign lines.
/// </summary>
public sealed class ThresholdFit
{
    public const int Folds = 5;

    /// <summary>The classifier may raise the alarm on at most this share of the benign lines the
    /// rules leave quiet: half of the 2% budget, the other half left to the rules.</summary>
    public const double FalseAlarmTarget = 0.01;

    private ThresholdFit(IReadOnlyList<CorpusLine> corpus, double[] scores, bool[] rulesFire)
    {
        Corpus = corpus;
        Scores = scores;
        RulesFire = rulesFire;
        Emergencies = corpus.Count(l => l.IsEmergency);
        Benign = corpus.Count(l => l.Label == "benign");
        Rows = [.. Grid().Select(RowAt)];
        RulesFalseAlarms = corpus.Where((l, i) => l.Label == "benign" && rulesFire[i]).Count();
        Chosen = Rows.FirstOrDefault(r => r.FalseAlarmsEither - RulesFalseAlarms <= FalseAlarmTarget * Benign) ?? Rows[^1];
    }

    public IReadOnlyList<CorpusLine> Corpus { get; }
    /// <summary>Each line's out-of-fold score.</summary>
    public double[] Scores { get; }
    public bool[] RulesFire { get; }
    public int Emergencies { get; }
    public int Benign { get; }
    /// <summary>Benign lines the rules alone fire on.</summary>
    public int RulesFalseAlarms { get; }
    public IReadOnlyList<ThresholdRow> Rows { get; }
    public ThresholdRow Chosen { get; }

    /// <param name="rulesFire">Whether the rules raise the alarm on a message.</param>
    public static ThresholdFit Run(IReadOnlyList<CorpusLine> corpus, Func<string, bool> rulesFire)
    {
        var scores = new double[corpus.Count];
        for (int fold = 0; fold < Folds; fold++)
        {
            var training = new List<CorpusLine>();
            for (int i = 0; i < corpus.Count; i++)
                if (i % Folds != fold) training.Add(corpus[i]);
            var model = EmergencyClassifier.Train(training);
            for (int i = fold; i < corpus.Count; i += Folds) scores[i] = model.Score(corpus[i].Message);
        }
        return new ThresholdFit(corpus, scores, [.. corpus.Select(l => rulesFire(l.Message))]);
    }

    public ThresholdRow RowAt(double threshold)
    {
        int caught = 0, alarms = 0, caughtEither = 0, alarmsEither = 0;
        for (int i = 0; i < Corpus.Count; i++)
        {
            bool fires = Scores[i] >= threshold;
            if (Corpus[i].IsEmergency)
            {
                if (fires) caught++;
                if (fires || RulesFire[i]) caughtEither++;
            }
            else if (Corpus[i].Label == "benign")
            {
                if (fires) alarms++;
                if (fires || RulesFire[i]) alarmsEither++;
            }
        }
        return new ThresholdRow(threshold, caught, alarms, caughtEither, alarmsEither);
    }

    /// <summary>The lines missed by both detectors at a threshold, and the benign lines they fire on.</summary>
    public IEnumerable<string> Misses(double threshold)
    {
        for (int i = 0; i < Corpus.Count; i++)
        {
            bool fires = Scores[i] >= threshold || RulesFire[i];
            if (Corpus[i].IsEmergency && !fires) yield return $"MISSED ({Scores[i]:0.00}) {Corpus[i].Message}";
            if (Corpus[i].Label == "benign" && fires) yield return $"FALSE ALARM ({Scores[i]:0.00}{(RulesFire[i] ? ", rules" : "")}) {Corpus[i].Message}";
        }
    }

    public string Table()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{Folds}-fold out-of-fold scores on {Corpus.Count} lines: {Emergencies} emergency, {Benign} benign; the rules alone: recall {Ratio(Corpus.Where((l, i) => l.IsEmergency && RulesFire[i]).Count(), Emergencies)}, false alarms {Ratio(RulesFalseAlarms, Benign)}");
        text.AppendLine(c, $"target: the classifier adds false alarms on at most {FalseAlarmTarget:P1} of the benign lines");
        text.AppendLine("threshold  classifier recall   false alarms  |  rules or classifier recall   false alarms");
        foreach (var r in Rows.Where(r => r == Chosen || Math.Round(r.Threshold * 100) % 5 == 0))
            text.AppendLine(c, $"  {r.Threshold:0.00}{(r == Chosen ? "*" : " ")}    {Ratio(r.Caught, Emergencies),7}  {Ratio(r.FalseAlarms, Benign),12}  |  {Ratio(r.CaughtEither, Emergencies),12}  {Ratio(r.FalseAlarmsEither, Benign),18}");
        text.AppendLine(c, $"chosen: {Chosen.Threshold:0.00}, the lowest within the target: recall {Ratio(Chosen.CaughtEither, Emergencies)}, false alarms {Ratio(Chosen.FalseAlarmsEither, Benign)} ({Chosen.FalseAlarmsEither - RulesFalseAlarms} added by the classifier)");
        return text.ToString();
    }

    private static string Ratio(int part, int whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{(whole == 0 ? 0 : (double)part / whole):0.0%} {part}/{whole}");

    private static IEnumerable<double> Grid()
    {
        for (int step = 2; step <= 95; step++) yield return step / 100.0;
    }
}
