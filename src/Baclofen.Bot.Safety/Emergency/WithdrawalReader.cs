namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Severe withdrawal: baclofen stopped suddenly (or a pump that ran out or failed) and
/// a dangerous symptom: hallucinations, seizures, high fever, rigidity, confusion.</summary>
/// <remarks>Either half alone is ordinary ("I stopped taking it last week"; "I had a weird
/// dream"); together they are an emergency, because abrupt baclofen withdrawal can kill.</remarks>
internal static class WithdrawalReader
{
    /// <summary>Every pattern this reader uses (for the typo-tolerant vocabulary).</summary>
    public static IEnumerable<Pattern> Patterns => [.. Stopped, .. Symptoms, .. AllClear];

    private static readonly Pattern[] Stopped =
    [
        new("STOP|quit|quitting *3 PILL|it|them|taking|pump"),
        new("cold turkey"),
        new("suddenly|abruptly *3 STOP|quit"),
        new("ran|run|running|runs out"),
        new("missed|missing|skipped|skipping|forgot|forgotten *3 dose|doses|PILL|refill|refills|appointment"),
        new("coming|came|come|going|went|gone|weaned|weaning off *2 PILL|it|them|pump"),
        new("pump *5 alarm|alarming|beeping|empty|ran|STOP|failed|broke|broken|disconnected|blocked|kinked|problem"),
        new("WITHDRAWAL"),
    ];

    private static readonly Pattern[] Symptoms =
    [
        new("HALLUCINATE"),
        new("seeing|hearing|sees|hears|saw|heard *1 things|stuff|people|bugs|voices|spiders|insects|animals|faces"),
        new("SEIZE"),
        new("CONVULSE"),
        new("SEIZURE|CONVULSION"),
        new("fever|feverish|feverishness"),
        new("burning up"),
        new("high|very temperature|temp"),
        new("temperature|temp of? #"),
        new("rigid|rigidity|delirious|delirium|psychotic|psychosis|paranoid|manic"),
        new("agitated|agitation|combative|aggressive|disoriented"),
        new("confused|confusion *1 NEG|and|$"),
        // Itching all over is an early sign of intrathecal pump withdrawal.
        new("itching|itchy|itch|scratching"),
        new("stiff as"),
        new("heart|pulse *2 racing|pounding"),
        new("racing heart|pulse"),
        new("not|isnt|doesnt|cant *2 making sense"),
        new("talking *2 nonsense|gibberish"),
    ];

    // "... and now she's fine": the episode is over.
    private static readonly Pattern[] AllClear =
    [
        new("now *2 fine|ok|okay|better|recovered|normal"),
        new("fine|ok|okay|better|recovered now"),
    ];

    private static readonly PatternSet AnyStop = new(Stopped);

    public static void Read(AnalysedText text, Framing framing, Vetoes vetoes, List<Signal> into)
    {
        // Nothing without a medicine stopped, whatever else the message says.
        if (!AnyStop.MayMatch(text)) return;
        foreach (var clear in AllClear)
            if (clear.Matches(text).Count > 0) return;
        var stop = FirstStop(text, vetoes);
        if (stop is null) return;
        foreach (var pattern in Symptoms)
        {
            var symptoms = pattern.Matches(text);
            for (int m = 0; m < symptoms.Count; m++)
            {
                var symptom = symptoms[m];
                if (vetoes.IsVetoed(symptom) || Negation.IsNegated(text, symptom) || IsTheReasonForStopping(text, symptom[0])) continue;
                bool general = framing.IsGeneral(stop[0]) || framing.IsGeneral(symptom[0]);
                into.Add(new Signal(EmergencyCategory.SevereWithdrawal, !general, symptom[0], "withdrawal"));
                return;
            }
        }
    }

    // The first medicine stopped, in pattern order, that is neither vetoed nor "stopped breathing".
    private static int[]? FirstStop(AnalysedText text, Vetoes vetoes)
    {
        foreach (var pattern in Stopped)
        {
            var matches = pattern.Matches(text);
            for (int m = 0; m < matches.Count; m++)
                if (!vetoes.IsVetoed(matches[m]) && !IsStoppedBreathing(text, matches[m])) return matches[m];
        }
        return null;
    }

    // "I stopped it because of the itching": the symptom came first, it is not withdrawal.
    private static bool IsTheReasonForStopping(AnalysedText text, int symptom)
    {
        for (int i = Math.Max(0, symptom - 4); i < symptom; i++)
            if (text.Word(i) is "because" or "due" or "cos" or "coz" or "caused" or "causing" or "gave" or "giving" or "gives") return true;
        return false;
    }

    // "stopped breathing" is a breathing emergency, not a medicine stopped.
    private static bool IsStoppedBreathing(AnalysedText text, int[] match)
        => text.Is(match[0], "STOP") && (text.Is(match[0] + 1, "BREATHE") || text.Is(match[0] + 2, "BREATHE"));
}
