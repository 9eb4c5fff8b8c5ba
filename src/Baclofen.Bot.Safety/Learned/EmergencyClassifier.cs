using System.Diagnostics;
using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Learned;

/// <summary>
/// The learned half of the safety gate: logistic regression over hashed word and character
/// n-grams says whether a message reports an emergency, and a softmax model over the same
/// features names the category. Trained once per process from the corpus shipped in
/// <c>Learned/Corpus/</c> (emergencies positive; benign, topic and info questions negative).
/// Immutable and thread-safe once trained; scoring allocates nothing.
/// </summary>
public sealed class EmergencyClassifier
{
    /// <summary>
    /// The alarm threshold on <see cref="Score"/>. Chosen for recall from out-of-fold scores on
    /// the training corpus (5 folds): the lowest threshold at which the classifier adds false
    /// alarms on at most 1% of the corpus's benign lines beyond those the rules raise, i.e. half
    /// of the false-alarm budget (2%) spent on recall. <c>ThresholdFitTests</c> prints the table
    /// and fails when a change to the corpus or the model moved it.
    /// </summary>
    public const double DefaultThreshold = 0.85;

    /// <summary>Hash bits of the alarm model (2^16 buckets, 256 KB of weights).</summary>
    internal const int AlarmBits = 16;

    /// <summary>Hash bits of the category model (2^13 buckets × 7 categories, 224 KB).</summary>
    internal const int CategoryBits = 13;

    private static readonly EmergencyCategory[] Categories = Enum.GetValues<EmergencyCategory>();
    private static readonly Lazy<EmergencyClassifier> Trained = new(() => Train(ShippedCorpus.Load()));

    private readonly LinearModel _alarm;
    private readonly LinearModel? _category;

    private EmergencyClassifier(LinearModel alarm, LinearModel? category, TimeSpan trainingTime, int lineCount)
    {
        _alarm = alarm;
        _category = category;
        TrainingTime = trainingTime;
        LineCount = lineCount;
    }

    /// <summary>The classifier trained on the shipped corpus, trained on first use.</summary>
    public static EmergencyClassifier Shared => Trained.Value;

    /// <summary>How long training took (a benchmark figure, printed by the tests).</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>How many corpus lines it was trained on.</summary>
    public int LineCount { get; }

    public static EmergencyClassifier Train(IReadOnlyList<CorpusLine> corpus) => Train(corpus, new SgdTrainer());

    internal static EmergencyClassifier Train(IReadOnlyList<CorpusLine> corpus, SgdTrainer trainer, int alarmBits = AlarmBits)
    {
        var clock = Stopwatch.StartNew();
        var features = new uint[corpus.Count][];
        var labels = new int[corpus.Count];
        int positives = 0;
        for (int i = 0; i < corpus.Count; i++)
        {
            features[i] = FeatureList.Of(corpus[i].Message);
            labels[i] = corpus[i].IsEmergency ? 1 : 0;
            positives += labels[i];
        }
        // Each side weighs as much as the other in the loss, however many lines it has.
        float positiveWeight = positives == 0 ? 1 : corpus.Count / (2f * positives);
        float negativeWeight = positives == corpus.Count ? 1 : corpus.Count / (2f * (corpus.Count - positives));
        var weights = labels.Select(l => l == 1 ? positiveWeight : negativeWeight).ToArray();
        var alarm = trainer.Train(alarmBits, 1, features, labels, weights);

        var categoryFeatures = new List<uint[]>();
        var categoryLabels = new List<int>();
        for (int i = 0; i < corpus.Count; i++)
            if (corpus[i].IsEmergency && corpus[i].Category is { } category)
            {
                categoryFeatures.Add(features[i]);
                categoryLabels.Add(Array.IndexOf(Categories, category));
            }
        var categories = categoryFeatures.Count == 0 ? null : trainer.Train(CategoryBits, Categories.Length, categoryFeatures, categoryLabels);
        return new EmergencyClassifier(alarm, categories, clock.Elapsed, corpus.Count);
    }

    /// <summary>The probability that the message reports an emergency, 0..1.</summary>
    public double Score(ReadOnlySpan<char> text)
    {
        Span<float> logit = stackalloc float[1];
        _alarm.Logits(text, logit);
        return LinearModel.Sigmoid(logit[0]);
    }

    /// <summary>The most likely category, for a message the alarm fired on.</summary>
    public EmergencyCategory Category(ReadOnlySpan<char> text)
    {
        if (_category is null) return EmergencyCategory.Overdose;
        Span<float> logits = stackalloc float[Categories.Length];
        _category.Logits(text, logits);
        int best = 0;
        for (int k = 1; k < logits.Length; k++)
            if (logits[k] > logits[best]) best = k;
        return Categories[best];
    }

    /// <summary>The alarm model's weights and bias, for the determinism test.</summary>
    internal (float[] Weights, float[] Bias) AlarmWeights => (_alarm.Weights, _alarm.Bias);
}
