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
    public static IEnumerable<Pattern> Patterns => [.. Means, .. Ends.Select(e => e.Pattern), .. Deliberate, Medicine];

    private static readonly Pattern[] Means =
    [
        new("how many|much"),
        new("what|which *2 dose|amount|number"),
        new("enough *3 PILL|them|these|those|of|to"),
        new("all|whole|entire|every *3 PILL|CONTAINER|them|these|those|supply|prescription|lot"),
        new("dozens|dozen|handful|bunch|lots|loads|dozens"),
        new("# *2 PILL|tabs|tablets|pills|of"),
        new("bottle|bottles|stash|supply|pack|strip|box"),
        // "take them all at once": the means said as the manner of taking.
        new("all at once"),
        new("them|those|these|PILL all *2 at|together|tonight|now"),
    ];

    private static readonly Pattern Medicine = new("PILL|CONTAINER|pills|tablets");

    // Each end; whether it needs the writer in the sentence ("so I never wake up", not "my
    // husband never wakes up at night"); and whether naming the medicine is means enough
    // ("baclofen is the way out") or an amount is needed ("would dozens be painless").
    private static readonly (Pattern Pattern, bool Personal, bool MedicineIsEnough)[] Ends =
    [
        (new("so|till|until|and *3 never|not|dont|wont *1 wake|waking"), false, true),
        (new("to|would|will|could *2 never|not *1 wake|waking"), false, false),
        (new("never|not|dont|didnt|wont|wouldnt *1 wake|waking"), true, false),
        (new("painless|painlessly|peaceful|peacefully"), false, false),
        (new("least|less|not *1 painful"), false, false),
        (new("peaceful|painless|painful|quickest|quiet|gentle way *1 to go|die"), false, true),
        (new("wont|will|would|it *2 hurt $"), false, false),
        (new("not|never *2 be here|around anymore"), true, false),
        (new("not|never *2 be alive|living"), true, false),
        (new("stop|stops *1 existing|living"), true, true),
        (new("stop|stops *1 my|your|the heart"), false, false),
        (new("end|ending it|things|everything|myself|it all"), false, false),
        (new("end|ending my life"), false, true),
        (new("be|it *1 over $"), false, false),
        (new("be done with"), false, false),
        (new("be done $"), false, false),
        (new("kill|killed myself"), false, true),
        (new("enough|would|it|PILL|them|#|these *3 kill me"), false, true),
        (new("would|will|could|to *2 kill a|someone|somebody|adult|person"), false, false),
        (new("to|till|until|i die"), false, false),
        (new("my|the way out"), false, true),
        (new("never *2 feel anything"), false, false),
        (new("disappear|vanish forever|for good"), false, true),
        (new("not|never come back"), true, false),
        (new("sleep forever"), false, true),
        (new("chances|chance of dying|death"), false, false),
        (new("have|got|made|with|and *1 a plan"), false, true),
        // "would I just drift off": the end as falling asleep for good.
        (new("drift|slip|fade off|away"), false, false),
        // "the surest way to not wake up", "easiest way to die": the end asked for as a method.
        (new("surest|easiest|quickest|fastest|simplest|best|sure|certain|painless way|method *2 to|of not|never|die|dying|end|ending|sleep|disappear"), false, true),
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

        bool anyMeans = false, meansKnown = false;
        foreach (var (pattern, personal, medicineIsEnough) in Ends)
        {
            var end = First(pattern, text, vetoes);
            // "I can't wake up in the mornings" is about sleep; "my husband never wakes up" is not the writer.
            if (end is null || personal && (vetoes.IsVetoedFor(EmergencyCategory.Unresponsive, end) || !IsTheWriters(text, end[0]))) continue;
            if (medicineIsEnough && First(Medicine, text, vetoes) is not null)
            {
                into.Add(new Signal(EmergencyCategory.SelfHarm, true, end[0], "medicine + an end"));
                return;
            }
            if (!meansKnown)
            {
                meansKnown = true;
                foreach (var means in Means) anyMeans |= First(means, text, vetoes) is not null;
            }
            if (anyMeans)
            {
                into.Add(new Signal(EmergencyCategory.SelfHarm, true, end[0], "means + an end"));
                return;
            }
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
