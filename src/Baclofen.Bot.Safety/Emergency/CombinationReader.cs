namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Emergencies that only two facts together make: too much medicine and a marked
/// symptom ("really drowsy and confused after taking extra baclofen"), a plea for help and a
/// marked symptom ("please help, she's pale and clammy"), or an odd feeling in the throat or
/// face just after a dose. Either fact alone is everyday.</summary>
internal static class CombinationReader
{
    /// <summary>Every pattern this reader uses (for the typo-tolerant vocabulary).</summary>
    public static IEnumerable<Pattern> Patterns => [.. TooMuch, .. Plea, .. MarkedSymptoms, .. FaceFeelsOdd, .. JustAfterADose];

    private static readonly Pattern[] TooMuch =
    [
        new("double|doubled|extra|twice|triple|another|wrong|someone|somebody|accidentally|accident|mistake|mistakenly *4 PILL|dose|doses|tablets|pills|medicine|medication|meds|ones|one|it"),
        new("PILL|dose|doses|tablets|pills *3 twice|again|double"),
        new("too much|many"),
    ];

    private static readonly Pattern[] Plea =
    [
        // "help" alone is everyday ("can you help me with my dose"); a cry for help is not.
        new("please|someone|somebody|pls|plz help"),
        new("help $"),
        new("help please|pls|plz|quick|quickly|now|asap|urgently"),
        new("urgent|urgently|asap|emergency|panicking|terrified|omg"),
        new("what do|should i|we do"),
        new("freaking out"),
    ];

    private static readonly Pattern[] MarkedSymptoms =
    [
        new("very|so|really|extremely|super|too|completely|totally drowsy|sleepy|confused|dizzy|weak|floppy|groggy|disoriented|unsteady|weird|strange|sedated|out"),
        new("pale|clammy|ashen|grey|gray|vomiting|drooling|slurring|incoherent|disoriented|delirious"),
        new("throwing|threw up"),
        new("cant|cannot|couldnt|unable stay|stand|walk|talk|speak|focus|keep *1 awake|up|straight|eyes"),
        new("not|isnt|doesnt *1 right|herself|himself|themselves|making"),
        new("feel|feels|feeling *2 weird|strange|wrong|awful|terrible|horrible|bad|funny|off|odd"),
    ];

    // An odd feeling in the face or throat right after a dose is how anaphylaxis starts.
    private static readonly Pattern[] FaceFeelsOdd =
    [
        new("FACE *3 weird|funny|strange|hot|burning|itchy|itching|tingling|tingly|prickly"),
    ];

    private static readonly Pattern[] JustAfterADose =
    [
        new("after|since *3 PILL|dose|tablet|taking|first|new|it"),
    ];

    private static readonly PatternSet AnyFaceFeelsOdd = new(FaceFeelsOdd);
    private static readonly PatternSet AnyMarkedSymptom = new(MarkedSymptoms);

    public static void Read(AnalysedText text, Framing framing, Vetoes vetoes, List<Signal> into)
    {
        // Both combinations need a symptom first: an odd feeling in the face, or a marked symptom.
        if (AnyFaceFeelsOdd.MayMatch(text) && First(FaceFeelsOdd, text, framing, vetoes) is { } face && First(JustAfterADose, text, framing, vetoes) is not null)
            into.Add(new Signal(EmergencyCategory.AllergicSwelling, true, face[0], "face + just after a dose"));

        if (!AnyMarkedSymptom.MayMatch(text)) return;
        var symptom = First(MarkedSymptoms, text, framing, vetoes);
        if (symptom is null) return;
        if (First(TooMuch, text, framing, vetoes) is { } excess && !Prescribed(text, excess[0]))
            into.Add(new Signal(EmergencyCategory.Overdose, true, symptom[0], "too much + symptom"));
        else if (First(Plea, text, framing, vetoes) is not null)
            into.Add(new Signal(EmergencyCategory.Unresponsive, true, symptom[0], "plea + symptom"));
    }

    // "the extra dose her doctor added" is a prescription, not too much.
    private static bool Prescribed(AnalysedText text, int at)
    {
        int sentence = text.Tokens[at].Sentence;
        for (int i = 0; i < text.Count; i++)
            if (text.Tokens[i].Sentence == sentence && text.Word(i) is "doctor" or "gp" or "neuro" or "neurologist" or "consultant"
                or "prescribed" or "added" or "increased" or "upped" or "raised" or "advised" or "dr" or "nurse" or "pharmacist")
                return true;
        return false;
    }

    // The first match, in pattern order, that is not vetoed, general or negated.
    private static int[]? First(Pattern[] patterns, AnalysedText text, Framing framing, Vetoes vetoes)
    {
        foreach (var pattern in patterns)
        {
            var matches = pattern.Matches(text);
            for (int i = 0; i < matches.Count; i++)
            {
                var m = matches[i];
                if (!vetoes.IsVetoed(m) && !framing.IsGeneral(m[0]) && !Negation.IsNegated(text, m)) return m;
            }
        }
        return null;
    }
}
