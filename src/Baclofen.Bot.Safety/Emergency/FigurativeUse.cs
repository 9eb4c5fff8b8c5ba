namespace Baclofen.Bot.Safety.Emergency;

/// <summary>
/// Emergency words used about something that is not a medicine: "overdosed on Netflix", "an
/// overdose of coffee", "took too many selfies". Whatever follows "on", "of" or "too many" names
/// what was taken too much of; when that is not a medicine, an amount or a pointer back to one,
/// the words are hidden from every rule.
/// </summary>
internal static class FigurativeUse
{
    // Words after "overdosed on" / "too many" that still point at a medicine or an amount.
    private static readonly HashSet<string> StillMedicine = new(StringComparer.Ordinal)
    {
        "my", "his", "her", "their", "your", "our", "it", "them", "these", "those", "this", "that", "something", "some",
        "mg", "mgs", "ml", "milligrams", "of", "and", "at", "now", "today", "tonight", "last", "yesterday", "again", "in", "earlier",
        "so", "i", "he", "she", "they", "we", "too", "by", "or", "the", "a", "an", "all", "sleeping", "muscle", "what", "how",
        "then", "purpose", "because",
        // Other medicines and drugs: an overdose of them is still an overdose.
        "paracetamol", "acetaminophen", "tylenol", "ibuprofen", "advil", "motrin", "aspirin", "heroin", "fentanyl", "opioids",
        "opiates", "oxycodone", "oxy", "xanax", "valium", "insulin", "tramadol", "codeine", "morphine", "methadone", "drugs",
        "cocaine", "coke", "meth", "alcohol", "benzos", "gabapentin", "antidepressants", "painkillers", "sleeping", "pills", "cause", "cos", "after", "before", "when", "while", "this", "plus", "with", "without", "already", "",
    };

    // "an overdose of intrathecal baclofen", "overdose on normal doses": the medicine a word or two on.
    private static bool NamesMedicine(AnalysedText text, int from)
    {
        for (int i = from; i < from + 3 && i < text.Count && text.Tokens[i].Clause == text.Tokens[from].Clause; i++)
            if (text.Is(i, "PILL") || text.Is(i, "CONTAINER") || text.Is(i, "INGEST") || text.Word(i) is "dose" or "doses" or "dosage" or "relaxer" or "relaxers" or "relaxants" or "drugs" or "drug")
                return true;
        return false;
    }

    public static void Mark(AnalysedText text, Vetoes vetoes)
    {
        for (int i = 0; i < text.Count; i++)
        {
            int next;
            if (text.Is(i, "OVERDOSE") && text.Word(i + 1) is "on" or "of") next = i + 2;
            else if (text.Word(i) == "too" && text.Word(i + 1) is "many" or "much") next = i + 2;
            else continue;
            if (next >= text.Count || text.Tokens[next].Clause != text.Tokens[i].Clause) continue;
            if (StillMedicine.Contains(text.Word(next)) || char.IsAsciiDigit(text.Word(next)[0]) || NamesMedicine(text, next)) continue;
            vetoes.MarkAt(i);
            vetoes.MarkAt(i + 1);
        }
    }
}
