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
    public static bool AreNamedIn(AnalysedText text, List<Signal> signals)
    {
        foreach (var signal in signals)
            if (signal.Category == EmergencyCategory.SelfHarm) return true;
        for (int i = 0; i < text.Count; i++)
        {
            if (IsHistory(text, i)) continue;
            if (text.Concept(i) is { } concept && Concepts.Contains(concept)) return true;
            if (Words.Contains(text.Word(i)) || Words.Contains(text.Canonical(i))) return true;
            // "too much", "too many": an overdose said without the word.
            if (text.Word(i) == "too" && text.Word(i + 1) is "much" or "many") return true;
        }
        return false;
    }

    // "I had a seizure as a kid", "no seizures in 9 years", "in 2018 I had one": medical
    // history, not the question asked.
    private static bool IsHistory(AnalysedText text, int at)
    {
        int clause = text.Tokens[at].Clause;
        for (int i = 0; i < text.Count; i++)
        {
            if (text.Tokens[i].Clause != clause) continue;
            string word = text.Word(i);
            if (word is "ago" or "history" or "childhood" or "since") return true;
            if (word == "used" && text.Word(i + 1) == "to" && text.Word(i - 1) is "i" or "he" or "she" or "we" or "they" or "you") return true;
            if (word == "as" && text.Word(i + 1) is "a" && text.Word(i + 2) is "kid" or "child" or "baby" or "teen" or "teenager" or "toddler") return true;
            if (word == "when" && text.Word(i + 1) is "i" or "he" or "she" or "they" or "we" && text.Word(i + 2) is "was" or "were") return true;
            if (word is "in" or "back" or "for" && text.Word(i + 1).Length > 0 && char.IsAsciiDigit(text.Word(i + 1)[0])
                && (text.Word(i + 1).Length == 4 || text.Word(i + 2) is "years" or "yrs" or "year")) return true;
            if (word == "last" && text.Word(i + 1) is "year" or "month") return true;
            if (word == "years" && text.Word(i + 1) is "ago" or "back") return true;
        }
        return false;
    }
}
