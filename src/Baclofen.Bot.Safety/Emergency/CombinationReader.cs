namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Emergencies that only two facts together make: too much medicine and a marked
/// symptom ("really drowsy and confused after taking extra baclofen"), a plea for help and a
/// marked symptom ("please help, she's pale and clammy"), or an odd feeling in the throat or
/// face just after a dose. Either fact alone is everyday.</summary>
internal static class CombinationReader
{
    /// <summary>Every pattern this reader uses (for the typo-tolerant vocabulary).</summary>
    public static IEnumerable<Pattern> Patterns => [.. TooMuch, .. Depressants, .. Plea, .. MarkedSymptoms, .. FaceFeelsOdd, .. JustAfterADose];

    private static readonly Pattern[] TooMuch =
    [
        new("double|doubled|extra|twice|triple|another|wrong|someone|somebody|accidentally|accident|mistake|mistakenly *4 PILL|dose|doses|amount|dosage|tablets|pills|medicine|medication|meds|ones|one|it"),
        new("PILL|dose|doses|tablets|pills *3 twice|again|double"),
        new("too much|many"),
        new("taking|took|take|taken|had|having|been more|extra *2 than"),
        new("many|lots|lot|bunch *3 PILL|pills|tablets"),
        // Relative amounts: no number, but more than the dose, and more again.
        new("doubled|tripled|trebled|quadrupled|triple|tripling|doubling"),
        new("extra *3 all|every|again|then|each|through"),
        new("kept|keep|keeps on? taking|popping|having|swallowing *2 more|them|it|PILL|another|extra"),
        new("more and more"),
        new("took|taken|take|had|swallowed|popped *3 more|extra *3 than|again"),
        new("way|far|much|lot|lots more|too"),
        new("handful|fistful|bunch|lots|loads|load"),
        new("lost count"),
        new("like candy|sweets|smarties|tic"),
        new("# then # *1 more"),
        new("again at|later|after|this|that"),
        new("upped|increased|raised *2 my|own *2 dose|myself|PILL"),
        new("whole|entire|most|rest of? *3 PILL|CONTAINER|supply|prescription|strip|box|bottle|pack"),
        new("all at once"),
        new("INGEST|took *8 instead"),
        new("# *2 tablets|tabs|pills|PILL *3 instead|at once"),
        // Raising the dose oneself, again and again: "kept upping my dose", "bumped it up every few hours".
        new("upping|raising|increasing|bumping|bumped|upped|raised|increased|doubling *3 my|the|own|it *1 dose|doses|dosage|PILL|it|up"),
        new("kept|keep|keeps|been|started upping|raising|increasing|bumping|adding|topping"),
        new("more|another|extra|again|one every|each *3 hour|hours|hr|hrs|couple|few|half"),
        new("several|many|multiple|few|lots|loads|bunch|numerous|countless times *2 today|tonight|this|since|already|now|in|a"),
        // Measuring errors with the oral solution: "used the tablespoon instead of the syringe".
        new("tablespoon|tablespoons|tbsp|tbs|soupspoon|spoon *4 instead|not|rather|mistake|wrong"),
        new("instead of the|a|my? syringe|cup|teaspoon|tsp|dropper|measuring"),
        new("wrong spoon|syringe|cup|measure|measuring|amount|line|marking|mark|dose|dosage"),
        new("measured|measuring|measure|misread|misreading *3 wrong|wrongly|incorrectly|badly|it"),
    ];

    // Alcohol, opioids, benzodiazepines and other sedatives taken with baclofen: the mix the
    // issue names, dangerous with a marked symptom whatever the amounts.
    private static readonly Pattern[] Depressants =
    [
        new("alcohol|drink|drinks|drinking|drank|drunk|beer|beers|wine|vodka|whisky|whiskey|rum|tequila|gin|champagne|booze|shots|cider|liquor|spirits|lager|prosecco"),
        new("xanax|valium|ativan|klonopin|lorazepam|diazepam|alprazolam|clonazepam|temazepam|benzo|benzos|benzodiazepine|benzodiazepines"),
        new("oxycodone|oxy|oxys|oxycontin|percocet|percocets|hydrocodone|vicodin|norco|tramadol|fentanyl|heroin|morphine|methadone|codeine|opioid|opioids|opiates|suboxone|dilaudid|hydromorphone|lean"),
        new("sleeping pills|tablets|meds"),
        new("zolpidem|ambien|zopiclone|gabapentin|pregabalin|lyrica|seroquel|quetiapine|phenergan|promethazine|ketamine|ghb"),
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
        new("slurring|slurred|slurry|slur|mumbling|drooling|incoherent|wobbly|staggering"),
        new("seeing|see double|spots"),
        new("cant|cannot|couldnt|unable|barely|hardly *2 feel|lift|move|hold|grip|stand|walk|talk|speak|see|type|function|breathe"),
        new("barely|hardly|not *3 awake|conscious|eyes|move|moving|responding|responsive|reacting"),
        new("keep|keeps|kept|keeping falling|nodding *1 asleep|over|down|off"),
        new("nodding|nodded|nod off|out"),
        new("out of it"),
        new("room|head|everything|world *2 spinning|spins|spin|tilting|moving"),
        new("so|very|really|super|extremely|too heavy|weak|faint|numb|wobbly|dizzy|drowsy|sleepy|tired|woozy|out"),
        new("feel|feels|feeling|felt faint|heavy|numb|paralysed|paralyzed"),
        new("vision *3 dark|blurry|blurred|double|going"),
        new("cant|cannot|couldnt *1 keep *2 eyes *1 open"),
        new("passing|passed|pass|going|blacking out"),
        new("falling|fell|fall over|down"),
        new("throwing|threw up"),
        new("like jelly|jello|rubber|lead|noodles|spaghetti|concrete"),
        new("chest *3 heavy|tight|tightness|pressure|crushing"),
        new("heart|heartbeat|heartrate|pulse *2 racing|pounding|slow|slowing|weird|skipping"),
        new("skin|lips|hands *2 cold|clammy|blue|grey|gray|icy"),
        new("very|so|really|too sleep|sleeping"),
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
    private static readonly PatternSet AnyDepressant = new(Depressants);

    private static bool MentionsBaclofen(AnalysedText text)
    {
        for (int i = 0; i < text.Count; i++)
            if (text.Is(i, "PILL")) return true;
        return false;
    }

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
        else if (AnyDepressant.MayMatch(text) && First(Depressants, text, framing, vetoes) is not null && MentionsBaclofen(text))
            into.Add(new Signal(EmergencyCategory.Overdose, true, symptom[0], "mixed with a depressant + symptom"));
        else if (First(Plea, text, framing, vetoes) is not null)
            into.Add(new Signal(EmergencyCategory.Unresponsive, true, symptom[0], "plea + symptom"));
    }

    // "the extra dose her doctor added" is a prescription, not too much.
    private static bool Prescribed(AnalysedText text, int at)
    {
        int sentence = text.Tokens[at].Sentence;
        for (int i = 0; i < text.Count; i++)
            // "more than my doctor said" is against the prescription.
            if (text.Tokens[i].Sentence == sentence && text.Word(i - 1) != "than" && text.Word(i - 2) != "than" && text.Word(i) is "doctor" or "gp" or "neuro" or "neurologist" or "consultant"
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
