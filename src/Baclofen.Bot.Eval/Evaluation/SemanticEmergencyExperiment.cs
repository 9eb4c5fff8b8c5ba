using System.Diagnostics;
using Baclofen.Bot.Embeddings;
using Baclofen.Bot.Safety;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.Safety.Learned;
using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot.Eval.Evaluation;

/// <summary>
/// Issue 17's method question asked of the sentence model: would a logistic head over
/// embeddings, beside the rules and the n-gram classifier, catch emergencies the gate misses
/// without spending the false-alarm budget? The threshold is chosen out of fold on the shipped
/// corpus only; blind set 3 (not in the corpus) is the held-out judge, blind sets 1 and 2 (in
/// the corpus) are printed as in-sample figures.
/// </summary>
public static class SemanticEmergencyExperiment
{
    /// <summary>The head may add false alarms on at most this share of the corpus's benign lines
    /// beyond those the gate raises out of fold (the gate already spends most of the 2%).</summary>
    public const double AddedFalseAlarmBudget = 0.005;

    public static readonly double[] CascadeFloors = [0, 0.01, 0.05, 0.1, 0.2];

    public static void Run(IConfiguration configuration, ISentenceEncoder encoder, string sets, TextWriter output)
    {
        var options = configuration.GetSection(SafetyOptions.SectionName).Get<SafetyOptions>() ?? new SafetyOptions();
        var rules = new EmergencyDetector(options);
        var gate = new SafetyGate(options);
        var classifier = EmergencyClassifier.Shared;
        var corpus = ShippedCorpus.Load();
        var labels = corpus.Select(l => l.IsEmergency).ToArray();
        int benign = corpus.Count(l => l.Label == "benign"), emergencies = labels.Count(l => l);

        var fit = ThresholdFit.Run(corpus, m => rules.Assess(m).IsEmergency);
        var gateOutOfFold = corpus.Select((_, i) => fit.RulesFire[i] || fit.Scores[i] >= options.ClassifierThreshold).ToArray();
        output.WriteLine($"== semantic emergency head: logistic regression over arctic-embed-xs vectors, {ThresholdFit.Folds}-fold out of fold on the shipped corpus ({corpus.Count} lines: {emergencies} emergency, {benign} benign)");
        output.WriteLine($"gate out of fold (rules or classifier at {options.ClassifierThreshold:0.00}): recall {Count(corpus, gateOutOfFold, true)}/{emergencies}, false alarms {Count(corpus, gateOutOfFold, false)}/{benign}");

        var faqQuestions = new[] { "questions.tsv" }.Concat(Directory.GetFiles(sets, "heldout-questions*.tsv").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            .SelectMany(f => EvalSets.Read(Path.Combine(sets, f!))).Select(l => l.Message).ToList();
        var blindSets = new[] { ("blind-emergency-3.tsv", "HELD OUT"), ("blind-emergency-1.tsv", "in the corpus"), ("blind-emergency-2.tsv", "in the corpus") };
        PrintLowerThresholds(output, corpus, fit, EvalSets.Read(Path.Combine(sets, blindSets[0].Item1)), rules, classifier, faqQuestions);

        foreach (var role in new[] { TextRole.Document, TextRole.Query })
        {
            output.WriteLine();
            output.WriteLine($"=== corpus and messages embedded as {role.ToString().ToLowerInvariant()}s");
            var watch = Stopwatch.StartNew();
            var vectors = corpus.Select(l => Embed(encoder, l.Message, role)).ToList();
            output.WriteLine($"embedded {vectors.Count} lines in {watch.Elapsed.TotalSeconds:0.0} s ({watch.Elapsed.TotalMilliseconds / vectors.Count:0.0} ms/line)");

            var blind = blindSets.ToDictionary(b => b.Item1, b => EvalSets.Read(Path.Combine(sets, b.Item1)).Select(l => (Line: l, Vector: Embed(encoder, l.Message, role))).ToList());
            var faq = faqQuestions.Select(q => (Classifier: classifier.Score(q), Gate: gate.Assess(q).IsEmergency, Vector: Embed(encoder, q, role))).ToList();

            foreach (var settings in HeadSettings)
            {
                output.WriteLine();
                output.WriteLine($"--- head: {settings.Steps} steps, learning rate {settings.LearningRate}, L2 {settings.L2}");
                var chosen = ChooseThreshold(output, corpus, labels, vectors, gateOutOfFold, settings);
                watch.Restart();
                var full = SemanticHead.Train(vectors, labels, settings);
                output.WriteLine($"head on the whole corpus trained in {watch.Elapsed.TotalMilliseconds:0} ms");
                foreach (var (file, note) in blindSets)
                {
                    var judged = blind[file].Select(b => new Judged(b.Line, gate.Assess(b.Line.Message).IsEmergency, full.Score(b.Vector), classifier.Score(b.Line.Message))).ToList();
                    PrintSet(output, $"{file} ({note})", judged, chosen);
                    if (note == "HELD OUT") PrintCascade(output, judged, chosen, faq.Select(q => (q.Classifier, q.Gate, full.Score(q.Vector))).ToList());
                }
            }
        }
    }

    public static readonly SemanticHeadTraining[] HeadSettings =
    [
        new SemanticHeadTraining(),
        new SemanticHeadTraining { Steps = 1000, LearningRate = 0.05f, L2 = 1e-4f },
    ];

    private static double ChooseThreshold(TextWriter output, IReadOnlyList<CorpusLine> corpus, bool[] labels, List<float[]> vectors, bool[] gateOutOfFold, SemanticHeadTraining settings)
    {
        int benign = corpus.Count(l => l.Label == "benign"), emergencies = labels.Count(l => l);
        var outOfFold = new double[corpus.Count];
        var watch = Stopwatch.StartNew();
        for (int fold = 0; fold < ThresholdFit.Folds; fold++)
        {
            var training = Enumerable.Range(0, corpus.Count).Where(i => i % ThresholdFit.Folds != fold).ToList();
            var head = SemanticHead.Train(training.Select(i => vectors[i]).ToList(), training.Select(i => labels[i]).ToList(), settings);
            for (int i = fold; i < corpus.Count; i += ThresholdFit.Folds) outOfFold[i] = head.Score(vectors[i]);
        }
        output.WriteLine($"5 heads trained in {watch.Elapsed.TotalSeconds:0.0} s");

        output.WriteLine("threshold  head alone recall  false alarms |  gate or head recall  false alarms (added)");
        double chosen = 0.99;
        for (int step = 99; step >= 2; step--)
        {
            double t = step / 100.0;
            int added = corpus.Where((l, i) => l.Label == "benign" && !gateOutOfFold[i] && outOfFold[i] >= t).Count();
            if (added <= AddedFalseAlarmBudget * benign) chosen = t;
            else break;
        }
        foreach (var t in new[] { 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, chosen }.Distinct().Order())
        {
            var head = outOfFold.Select(s => s >= t).ToArray();
            var either = head.Select((h, i) => h || gateOutOfFold[i]).ToArray();
            int added = Count(corpus, either, false) - Count(corpus, gateOutOfFold, false);
            output.WriteLine($"  {t:0.00}{(t == chosen ? "*" : " ")}    {Count(corpus, head, true),5}/{emergencies}  {Count(corpus, head, false),9}/{benign}   |  {Count(corpus, either, true),8}/{emergencies}  {Count(corpus, either, false),8}/{benign} ({added})");
        }
        int addedAtChosen = corpus.Where((l, i) => l.Label == "benign" && !gateOutOfFold[i] && outOfFold[i] >= chosen).Count();
        output.WriteLine(addedAtChosen <= AddedFalseAlarmBudget * benign
            ? $"chosen threshold {chosen:0.00}: the lowest at which the head adds false alarms on at most {AddedFalseAlarmBudget:P1} of the benign lines"
            : $"no threshold on the grid keeps the head within {AddedFalseAlarmBudget:P1} of the benign lines; using the grid's top, {chosen:0.00} ({addedAtChosen} added)");
        return chosen;
    }

    private sealed record Judged(EvalLine Line, bool Gate, double Head, double Classifier)
    {
        public bool IsEmergency => Line.Expectation == "emergency";
        public bool IsBenign => Line.Expectation == "benign";
    }

    private static void PrintSet(TextWriter output, string name, IReadOnlyList<Judged> lines, double threshold)
    {
        var emergencies = lines.Where(l => l.IsEmergency).ToList();
        var benign = lines.Where(l => l.IsBenign).ToList();
        output.WriteLine($"-- {name}: {emergencies.Count} emergencies, {benign.Count} benign, head at {threshold:0.00}");
        output.WriteLine("   category                  gate    head   gate|head");
        foreach (var group in emergencies.GroupBy(l => l.Line.Category ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"   {group.Key,-24} {group.Count(l => l.Gate),3}/{group.Count(),-3} {group.Count(l => l.Head >= threshold),3}/{group.Count(),-3} {group.Count(l => l.Gate || l.Head >= threshold),3}/{group.Count(),-3}");
        }
        output.WriteLine($"   {"recall",-24} {emergencies.Count(l => l.Gate),3}/{emergencies.Count,-3} {emergencies.Count(l => l.Head >= threshold),3}/{emergencies.Count,-3} {emergencies.Count(l => l.Gate || l.Head >= threshold),3}/{emergencies.Count,-3}");
        output.WriteLine($"   {"false alarms (benign)",-24} {benign.Count(l => l.Gate),3}/{benign.Count,-3} {benign.Count(l => l.Head >= threshold),3}/{benign.Count,-3} {benign.Count(l => l.Gate || l.Head >= threshold),3}/{benign.Count,-3}");
        var others = lines.Where(l => !l.IsEmergency && !l.IsBenign).ToList();
        output.WriteLine($"   info/topic lines alarmed: gate {others.Count(l => l.Gate)}/{others.Count}, gate|head {others.Count(l => l.Gate || l.Head >= threshold)}/{others.Count}");
        foreach (var l in emergencies.Where(l => !l.Gate && l.Head >= threshold)) output.WriteLine($"   + caught by the head only ({l.Head:0.00}, classifier {l.Classifier:0.00}): {l.Line.Category}");
        foreach (var l in benign.Where(l => !l.Gate && l.Head >= threshold)) output.WriteLine($"   ! false alarm added by the head ({l.Head:0.00}): {l.Line.Message}");
        foreach (var l in emergencies.Where(l => !l.Gate && l.Head < threshold)) output.WriteLine($"   - missed by both (head {l.Head:0.00}, classifier {l.Classifier:0.00}): {l.Line.Message}");
    }

    private static void PrintCascade(TextWriter output, IReadOnlyList<Judged> lines, double threshold, IReadOnlyList<(double Classifier, bool Gate, double Head)> faq)
    {
        var emergencies = lines.Where(l => l.IsEmergency).ToList();
        var benign = lines.Where(l => l.IsBenign).ToList();
        output.WriteLine($"   cascade: the head runs only when the n-gram classifier scores >= floor ({faq.Count} ordinary FAQ questions: questions.tsv and heldout-questions*.tsv)");
        output.WriteLine("   floor   gate|head recall  false alarms   head runs on FAQ questions   FAQ questions alarmed (gate, gate|head)");
        foreach (var floor in CascadeFloors)
        {
            bool Fires(Judged l) => l.Gate || (l.Classifier >= floor && l.Head >= threshold);
            int runs = faq.Count(q => q.Classifier >= floor);
            output.WriteLine($"   {floor,5:0.00}   {emergencies.Count(Fires),6}/{emergencies.Count,-3}     {benign.Count(Fires),5}/{benign.Count,-3}     {runs,4}/{faq.Count} ({100.0 * runs / faq.Count:0.0}%)            " +
                $"{faq.Count(q => q.Gate)}, {faq.Count(q => q.Gate || (q.Classifier >= floor && q.Head >= threshold))}");
        }
    }

    /// <summary>The cheaper alternative to a head: the n-gram classifier at a lower threshold.</summary>
    private static void PrintLowerThresholds(TextWriter output, IReadOnlyList<CorpusLine> corpus, ThresholdFit fit, IReadOnlyList<EvalLine> heldOut,
        EmergencyDetector rules, EmergencyClassifier classifier, IReadOnlyList<string> faqQuestions)
    {
        var lines = heldOut.Select(l => (l.Expectation, Rules: rules.Assess(l.Message).IsEmergency, Score: classifier.Score(l.Message))).ToList();
        var faq = faqQuestions.Select(q => (Rules: rules.Assess(q).IsEmergency, Score: classifier.Score(q))).ToList();
        output.WriteLine("for comparison, no head: rules or the n-gram classifier at a lower threshold");
        output.WriteLine("threshold  corpus out of fold recall  false alarms |  blind-emergency-3 recall  false alarms |  FAQ questions alarmed");
        foreach (var t in new[] { 0.84, 0.8, 0.75, 0.7, 0.65, 0.6 })
        {
            var row = fit.RowAt(t);
            output.WriteLine($"  {t:0.00}      {row.CaughtEither,10}/{fit.Emergencies}  {row.FalseAlarmsEither,10}/{fit.Benign} |  " +
                $"{lines.Count(l => l.Expectation == "emergency" && (l.Rules || l.Score >= t)),10}/{lines.Count(l => l.Expectation == "emergency")}  " +
                $"{lines.Count(l => l.Expectation == "benign" && (l.Rules || l.Score >= t)),10}/{lines.Count(l => l.Expectation == "benign")} |  {faq.Count(q => q.Rules || q.Score >= t)}/{faq.Count}");
        }
    }

    private static int Count(IReadOnlyList<CorpusLine> corpus, bool[] fires, bool emergency) =>
        corpus.Where((l, i) => fires[i] && (emergency ? l.IsEmergency : l.Label == "benign")).Count();

    private static float[] Embed(ISentenceEncoder encoder, string text, TextRole role)
    {
        var vector = new float[encoder.Dimensions];
        encoder.Encode(text, role, vector);
        return vector;
    }
}
