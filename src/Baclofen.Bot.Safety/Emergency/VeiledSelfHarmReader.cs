namespace Baclofen.Bot.Safety.Emergency;

/// <summary>
/// Intent to die asked as a question about amounts: "how many would it take so I never wake
/// up", "would taking dozens be painless", "how much to end my life", "will 30 kill me". Means
/// (how many, enough, all of them, the whole bottle) together with an end (never wake, painless,
/// end it, be over, not be here anymore, stop existing, kill me). Neither names suicide or an
/// amount already taken, and both are phrased as questions, so the general-question framing that
/// quiets "how much is too much?" must not quiet these: the end they ask about is the writer's.
/// </summary>
internal static class VeiledSelfHarmReader
{
    public static IEnumerable<Pattern> Patterns => [.. Means, .. Ends.Select(e => e.Pattern), .. Deliberate];

    private static readonly Pattern[] Means =
    [
        new("how many|much"),
        new("what|which *2 dose|amount|number"),
        new("enough *3 PILL|them|these|those|of|to"),
        new("all|whole|entire|every *3 PILL|CONTAINER|them|these|those|supply|prescription|lot"),
        new("dozens|dozen|handful|bunch|lots|loads|dozens"),
        new("# *2 PILL|tabs|tablets|pills|of"),
    ];

    // Each end, and whether it needs the writer in the sentence ("so I never wake up", not
    // "my husband never wakes up at night").
    private static readonly (Pattern Pattern, bool Personal)[] Ends =
    [
        (new("never|not|dont|didnt|wont|wouldnt *1 wake|waking"), true),
        (new("painless|painlessly|peaceful|peacefully"), false),
        (new("least|less|not *1 painful"), false),
        (new("wont|will|would|it *2 hurt $"), false),
        (new("not|never *2 be here|around anymore"), true),
        (new("not|never *2 be alive|living"), true),
        (new("stop|stops *1 existing|living"), true),
        (new("stop|stops *1 my|your|the heart"), false),
        (new("end|ending it|things|everything|myself|it all"), false),
        (new("end|ending my life"), false),
        (new("be|it *1 over $"), false),
        (new("be done with|$"), false),
        (new("kill|killed myself"), false),
        (new("enough|would|it|PILL|them|#|these *3 kill me"), false),
        (new("to|i|till|until die $"), true),
        (new("to|i|till|until die"), true),
        (new("my|the way out"), false),
        (new("way to go"), false),
        (new("never *2 feel anything"), true),
        (new("disappear|vanish forever|for good"), false),
        (new("not|never come back"), true),
        (new("sleep forever"), false),
        (new("chances|chance of dying|death"), false),
    ];

    // "took them on purpose", "I've decided": the intent said outright.
    private static readonly Pattern[] Deliberate =
    [
        new("on purpose"),
        new("deliberately|intentionally *3 INGEST|took|take|taken|swallowed|OVERDOSE"),
    ];

    private static readonly PatternSet AnyEnd = new([.. Ends.Select(e => e.Pattern), .. Deliberate]);

    public static void Read(AnalysedText text, Vetoes vetoes, List<Signal> into)
    {
        if (!AnyEnd.MayMatch(text)) return;
        foreach (var pattern in Deliberate)
            if (First(pattern, text, vetoes) is { } deliberate && HasIngestion(text))
            {
                into.Add(new Signal(EmergencyCategory.SelfHarm, true, deliberate[0], "deliberate ingestion"));
                return;
            }

        int[]? end = null;
        foreach (var (pattern, personal) in Ends)
        {
            end = First(pattern, text, vetoes);
            // "I can't wake up in the mornings" is about sleep.
            if (end is not null && (vetoes.IsVetoedFor(EmergencyCategory.Unresponsive, end) || personal && !IsTheWriters(text, end[0]))) end = null;
            if (end is not null) break;
        }
        if (end is null) return;
        foreach (var pattern in Means)
            if (First(pattern, text, vetoes) is not null)
            {
                into.Add(new Signal(EmergencyCategory.SelfHarm, true, end[0], "means + an end"));
                return;
            }
    }

    private static bool IsTheWriters(AnalysedText text, int at)
    {
        int sentence = text.Tokens[at].Sentence;
        for (int i = 0; i < text.Count; i++)
            if (text.Tokens[i].Sentence == sentence && text.Word(i) is "i" or "im" or "me" or "my" or "myself" or "id" or "ill" or "ive") return true;
        return false;
    }

    private static bool HasIngestion(AnalysedText text)
    {
        for (int i = 0; i < text.Count; i++)
            if (text.Is(i, "INGEST") || text.Is(i, "OVERDOSE") || text.Is(i, "PILL")) return true;
        return false;
    }

    private static int[]? First(Pattern pattern, AnalysedText text, Vetoes vetoes)
    {
        var matches = pattern.Matches(text);
        for (int m = 0; m < matches.Count; m++)
            if (!vetoes.IsVetoed(matches[m])) return matches[m];
        return null;
    }
}
