namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Severe withdrawal: baclofen stopped suddenly (or a pump that ran out or failed) and
/// a dangerous symptom: hallucinations, seizures, high fever, rigidity, confusion.</summary>
/// <remarks>Either half alone is ordinary ("I stopped taking it last week"; "I had a weird
/// dream"); together they are an emergency, because abrupt baclofen withdrawal can kill.</remarks>
internal static class WithdrawalReader
{
    /// <summary>Every pattern this reader uses (for the typo-tolerant vocabulary).</summary>
    public static IEnumerable<Pattern> Patterns => [.. Stopped, .. Symptoms, .. WeakSymptoms, .. AllClear];

    private static readonly Pattern[] Stopped =
    [
        new("STOP|quit|quitting *3 PILL|it|them|taking|pump"),
        new("cold turkey"),
        new("suddenly|abruptly *3 STOP|quit"),
        new("ran|run|running|runs out"),
        new("missed|missing|skipped|skipping|forgot|forgotten *3 dose|doses|PILL|refill|refills|appointment"),
        new("coming|came|come|going|went|gone|weaned|weaning off *2 PILL|it|them|pump"),
        new("pump *5 alarm|alarming|beeping|empty|ran|STOP|failed|broke|broken|disconnected|blocked|kinked|problem"),
        new("catheter|pump|port *4 issue|issues|problem|fault|leak|leaking|kinked|blocked|disconnected|moved|broken"),
        new("WITHDRAWAL"),
        // No medicine for days: out of it, without it, a refill that did not come.
        new("out|outta|without|off *2 PILL|it|them|meds"),
        // "been without for 2 days", "gone without since Monday".
        new("been|gone|went|going|without *1 without|it|them *2 for|since|#|days|day"),
        new("couldnt|cant|cannot|unable|wouldnt|didnt|failed *2 fill|dispense|supply|stock *3 PILL|it|them|prescription|script|refill"),
        new("pharmacy|pharmacist|chemist|drugstore *2 couldnt|cant|cannot|wouldnt|didnt|unable|out|ran *3 fill|stock|have|supply|dispense|get"),
        new("havent|hasnt|havnt|hadnt|not|didnt|couldnt|cant|cannot|wasnt|werent *3 had|taken|take|get|got|afford|refill|refilled|renewed|delivered *3 PILL|it|them|refill|prescription|script"),
        new("couldnt|cant|cannot|unable|didnt|failed *2 get|refill|collect|pick *3 PILL|refill|prescription|script"),
        new("refill|refills|pickup|delivery|appointment|script|prescription *4 missed|late|overdue|cancelled|canceled|lost|delayed|due|backorder|backordered|wasnt|didnt|never"),
        new("missed|late|overdue|cancelled|canceled|lost|delayed|backorder|backordered *4 refill|refills|pickup|delivery|script|prescription|PILL"),
        new("pump *6 alarm|alarms|alarmed|alarming|beep|beeped|beeps|beeping|empty|ran|stopped|failed|failure|broke|broken|malfunction|malfunctioned|battery|died|late|overdue|due|missed|working|knocked|disconnected|problem"),
        new("alarm|alarms|alarmed|beeping|beeped|failed|failure|malfunctioned|broken|battery *3 pump"),
        new("PILL *3 backorder|backordered|unavailable|discontinued"),
        new("supposed|meant|due|overdue *4 refilled|refill|topped|filled|changed|replaced"),
        // "the pump wasn't refilled on time", "never got topped up": a refill that did not happen.
        new("wasnt|not|never|didnt|hasnt|havent|werent|isnt *2 refilled|refill|topped|filled|reloaded|replaced"),
        new("missed|skipped|forgot|cancelled|canceled|late|overdue *3 refill|refilling|pump|top-up|topup"),
    ];

    // Danger signs that count only two together after a stop: rigidity and a racing heart are
    // also how the spasticity baclofen treats comes back.
    private static readonly Pattern[] WeakSymptoms =
    [
        new("stiff|stiffer|stiffness|rigid|locked|spasticity|spasms"),
        new("sweating|sweaty|drenched|sweats|shaking|shivering|shakes"),
        new("heart|pulse|heartrate *6 racing|pounding|fast|explode|crazy|#"),
        new("itching|itchy|itch"),
    ];

    private static readonly Pattern[] Symptoms =
    [
        new("hot|burning|febrile|hyperthermia|hyperthermic|delirious|feverish|confuse"),
        new("temp|temperature *2 #|high|up"),
        new("seeing|seein|hearing|see|hear *1 shadows|things|stuff|people|voices|spots"),
        new("doesnt|dont|didnt|cant know|recognise|recognize *2 me|where|who|what"),
        new("talking|making *2 nonsense|sense"),
        new("trippin|tripping|going crazy"),
        // "withdrawal, help me": a cry for help about it.
        new("help me|us $"),
        new("help $"),
        new("HALLUCINATE"),
        new("seeing|hearing|sees|hears|saw|heard *1 things|stuff|people|bugs|voices|spiders|insects|animals|faces"),
        new("SEIZE"),
        new("CONVULSE"),
        new("SEIZURE|CONVULSION"),
        new("fever|feverish|feverishness"),
        new("burning up"),
        new("high|very temperature|temp"),
        new("temperature|temp of? #"),
        new("# temp|temperature|fever|degrees"),
        new("losing|lost my|his|her|their mind"),
        new("rigid|rigidity|delirious|delirium|psychotic|psychosis|paranoid|manic"),
        new("agitated|agitation|combative|aggressive|disoriented"),
        // Blood pressure out of control is autonomic instability.
        new("blood pressure|bp *4 roof|sky|skyrocketing|through|spiking|crazy|#"),
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
        // A planned taper with mild effects is what the FAQ answers.
        new("manageable|mild|mildly|slightly|bit|little"),
    ];

    private static readonly PatternSet AnyStop = new(Stopped);

    // "missed the pump refill last week" names nobody but states a stop that happened; only a
    // stop asked about ("what if you miss a refill?") is general. The symptom decides who.
    private static bool IsGeneral(Framing framing, int[] stop) => framing.IsGeneral(stop[0]) && framing.IsQuestion(stop[0]);

    public static void Read(AnalysedText text, Framing framing, Vetoes vetoes, List<Signal> into)
    {
        // Nothing without a medicine stopped, whatever else the message says.
        if (!AnyStop.MayMatch(text)) return;
        foreach (var clear in AllClear)
            if (clear.Matches(text).Count > 0) return;
        var stop = FirstStop(text, vetoes);
        if (stop is null) return;
        // Two weak signs together count as one strong one.
        int[]? firstWeak = null;
        int weak = 0;
        foreach (var pattern in WeakSymptoms)
        {
            var matches = pattern.Matches(text);
            for (int m = 0; m < matches.Count; m++)
                if (!vetoes.IsVetoed(matches[m]) && !Negation.IsNegated(text, matches[m]) && !IsTheReasonForStopping(text, matches[m][0]))
                {
                    firstWeak ??= matches[m];
                    weak++;
                    break;
                }
        }
        if (weak >= 2)
        {
            bool general = IsGeneral(framing, stop) || framing.IsGeneral(firstWeak![0]);
            into.Add(new Signal(EmergencyCategory.SevereWithdrawal, !general, firstWeak![0], "withdrawal, two signs"));
            return;
        }
        foreach (var pattern in Symptoms)
        {
            var symptoms = pattern.Matches(text);
            for (int m = 0; m < symptoms.Count; m++)
            {
                var symptom = symptoms[m];
                if (vetoes.IsVetoed(symptom) || Negation.IsNegated(text, symptom) || IsTheReasonForStopping(text, symptom[0])) continue;
                bool general = IsGeneral(framing, stop) || framing.IsGeneral(symptom[0]);
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
