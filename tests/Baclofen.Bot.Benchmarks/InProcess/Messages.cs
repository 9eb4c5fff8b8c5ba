namespace Baclofen.Bot.Benchmarks.InProcess;

/// <summary>What patients send, one of each kind the pipeline routes differently.</summary>
public static class Messages
{
    public const string Question = "how long does baclofen take to start working?";
    public const string Emergency = "my husband took 20 of his baclofen pills and won't wake up";
    public const string SmallTalk = "hi there";
    public const string Unrelated = "what is the capital of france";
    public const string Veiled = "how many of these would it take so i just never wake up";

    public static string For(string kind) => kind switch
    {
        "question" => Question,
        "emergency" => Emergency,
        "smalltalk" => SmallTalk,
        "unrelated" => Unrelated,
        "veiled" => Veiled,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
