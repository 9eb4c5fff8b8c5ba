namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// How people wrap a question in conversation, not what they ask: hearsay ("my dad says", "a
/// friend told me", "i read that"), truth tags ("is that true", "legit?"), hedges and apologies
/// ("random question", "sorry if this is dumb", "honestly"), laughter and greetings, and more
/// people who may be asking. None of these tell FAQ entries apart, yet while they were content
/// words a chatty caregiver message counted them as unknown or unmatched and fell back although
/// it was ranked right. Part of the stop set, so the index, the query and every coverage signal
/// ignore them alike; the classifier still sees them as function words.
/// </summary>
/// <remarks>
/// Words that carry meaning in some FAQ phrasing stay out ("real risk", "how quick", "tell the
/// prescriber", "ask your pharmacist", "buy online", "seriously wrong").
/// </remarks>
public static class ChatterWords
{
    public static IReadOnlySet<string> Set { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // hearsay
        "says", "say", "said", "saying", "told", "heard", "read", "swears", "claims", "reckons", "thinks",
        // truth tags
        "true", "legit", "correct",
        // hedges, apologies, discourse markers
        "honestly", "basically", "literally", "random", "question", "questions", "sorry", "dumb",
        "stupid", "silly", "curious", "wondering", "wonder", "asking", "btw", "tbh", "fyi", "idk",
        "anyways", "whatever", "figured",
        // laughter, exclamations, greetings
        "haha", "hahaha", "lmao", "omg", "ugh", "hmm", "hi", "hello", "hiya", "thanks", "thank", "thx",
        // more people who may be asking
        "cousin", "gf", "bf", "hubby", "bestie", "neighbor", "neighbour", "coworker", "guys", "folks",
        // where they heard it
        "facebook", "google", "internet", "reddit", "tiktok",
    };
}
