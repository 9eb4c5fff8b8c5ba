using BenchmarkDotNet.Attributes;
using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Benchmarks.InProcess;

/// <summary>The safety gate, which reads every message in full before anything else runs.</summary>
[MemoryDiagnoser]
public class SafetyBenchmarks
{
    private readonly EmergencyDetector _detector = new();

    [Params("question", "emergency", "smalltalk")]
    public string Kind { get; set; } = "question";

    [Benchmark]
    public EmergencyAssessment Assess() => _detector.Assess(Messages.For(Kind));
}
