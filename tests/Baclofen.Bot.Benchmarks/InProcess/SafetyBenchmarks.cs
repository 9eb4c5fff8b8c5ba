using BenchmarkDotNet.Attributes;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.Safety.Learned;

namespace Baclofen.Bot.Benchmarks.InProcess;

/// <summary>The safety gate, which reads every message in full before anything else runs: the
/// whole gate as the bot runs it (rules and classifier, budget 20 µs a message), and each half.</summary>
[MemoryDiagnoser]
public class SafetyBenchmarks
{
    private readonly SafetyGate _gate = new();
    private readonly EmergencyDetector _rules = new();
    private readonly EmergencyClassifier _classifier = EmergencyClassifier.Shared;

    [Params("question", "emergency", "smalltalk", "veiled")]
    public string Kind { get; set; } = "question";

    [Benchmark(Baseline = true)]
    public EmergencyAssessment Gate() => _gate.Assess(Messages.For(Kind));

    [Benchmark]
    public EmergencyAssessment Rules() => _rules.Assess(Messages.For(Kind));

    [Benchmark]
    public double Classifier() => _classifier.Score(Messages.For(Kind));
}

/// <summary>Training the classifier from the shipped corpus, as the bot does once at start-up.</summary>
[MemoryDiagnoser]
public class ClassifierTrainingBenchmarks
{
    private readonly IReadOnlyList<CorpusLine> _corpus = ShippedCorpus.Load();

    [Benchmark]
    public EmergencyClassifier Train() => EmergencyClassifier.Train(_corpus);
}
