namespace Baclofen.Bot.Benchmarks.Load;

/// <summary>
/// The traffic mix: mostly FAQ questions (some with typos, some follow-ups), some emergencies, some
/// small talk and out-of-scope. Fixed lists, so two runs send the same kind of traffic.
/// </summary>
internal static class Workload
{
    private static readonly string[] Questions =
    [
        "how long does baclofen take to start working?",
        "what are the common side effects of baclofen",
        "can i drink alcohol while taking baclofen",
        "is it safe to stop baclofen suddenly?",
        "what should i do if i miss a dose",
        "can baclofen make me sleepy, can i drive",
        "is baclofen addictive",
        "how long does it stay in my system",
        "can i take it while pregnant",
        "what about the side efects?",
        "and how long does that last?",
        "can i take baclofen with ibuprofen",
    ];

    private static readonly string[] Emergencies =
    [
        "my husband took 20 of his baclofen pills and won't wake up",
        "she is having a seizure right now",
        "he stopped breathing after his baclofen",
        "what are the signs of a baclofen overdose?",
    ];

    private static readonly string[] Other =
    [
        "hi there",
        "thanks, that helped",
        "are you a real person?",
        "what is the capital of france",
    ];

    /// <summary>70% questions, 10% emergencies, 20% small talk and out-of-scope.</summary>
    public static string Next(Random random)
    {
        var roll = random.Next(100);
        var list = roll < 70 ? Questions : roll < 80 ? Emergencies : Other;
        return list[random.Next(list.Length)];
    }
}
