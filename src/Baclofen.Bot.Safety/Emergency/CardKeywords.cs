namespace Baclofen.Bot.Safety.Emergency;

/// <summary>
/// The words of the emergency card: a general question that names one of them ("can baclofen
/// cause seizures?", "what happens if you take too much?") gets the emergency text before its
/// answer; a question about a danger that names none ("how long does withdrawal last?", "is
/// there an antidote?") gets only its answer, whose disclaimer names the danger signs and 911.
/// Sending the emergency text to every such question teaches people to skip it.
/// </summary>
internal static class CardKeywords
{
    // Overdose, seizure, breathing, unconsciousness, suicide and death, in every form and typo
    // the lexicon reads. Withdrawal, allergy, poison control, naloxone and epilepsy are not on
    // the card: questions about them are answered.
    private static readonly HashSet<string> Concepts = new(StringComparer.Ordinal)
    {
        "OVERDOSE", "OVERDO", "SEIZURE", "SEIZE", "CONVULSE", "CONVULSION", "BREATHE", "RESPIRATORY",
        "UNCONSCIOUS", "COMA", "SUICIDE", "LETHAL", "DIE",
    };

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "fit", "fits", "fitting", "emergency", "emergencies", "911", "999", "112", "ambulance", "death", "deaths", "dying", "died", "kill", "kills",
    };

    /// <param name="signals">The evidence found: any self-harm topic keeps the alarm, since
    /// the emergency text is where the crisis line (988) is.</param>
    /// <param name="framing">A word named in history or a story ("I had a seizure in 2019, can I
    /// take it?", "a show where a guy overdosed") asks nothing about the danger, so it does not
    /// count.</param>
    /// <param name="vetoes">A word hidden by a look-alike ("dying ... not literally") names nothing.</param>
    public static bool AreNamedIn(AnalysedText text, List<Signal> signals, Framing framing, Vetoes vetoes)
    {
        foreach (var signal in signals)
            if (signal.Category == EmergencyCategory.SelfHarm) return true;
        for (int i = 0; i < text.Count; i++)
        {
            if (framing.IsHistory(i) || vetoes.IsVetoedAt(i)) continue;
            if (text.Concept(i) is { } concept && Concepts.Contains(concept)) return true;
            if (Words.Contains(text.Word(i)) || Words.Contains(text.Canonical(i))) return true;
            // "too much", "too many": an overdose said without the word.
            if (text.Word(i) == "too" && text.Word(i + 1) is "much" or "many") return true;
        }
        return false;
    }
}
