namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Tells a report of something happening from a general question about it.</summary>
/// <remarks>
/// A clause is a question when it ends with "?" or opens like one ("can", "what", "does" ...),
/// since the bot sees plenty of questions typed without a question mark. A question is
/// general, and its emergency words informational, when it names no particular person
/// ("can baclofen make you stop breathing") or frames the event as hypothetical ("what should
/// I do if ..."). A question about someone in particular ("is my son having a seizure?") is a
/// report. Some openings make even a statement general ("I read that baclofen can cause ...").
/// </remarks>
internal sealed class Framing
{
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "so", "and", "but", "ok", "okay", "hi", "hey", "hello", "um", "umm", "uh", "quick", "q", "question", "also",
        "just", "sorry", "please", "oh", "well", "hmm", "actually", "basically", "doc", "doctor", "bot",
    };

    private static readonly HashSet<string> QuestionOpeners = new(StringComparer.Ordinal)
    {
        "what", "whats", "how", "hows", "why", "whys", "when", "whens", "which", "who", "whos", "where", "wheres",
        "can", "could", "does", "do", "is", "isnt", "are", "arent", "will", "would", "should", "shall", "may", "might",
        "has", "have", "did", "signs", "symptoms", "anyone", "any", "wat", "wht", "hw", "cn",
    };

    private static readonly HashSet<string> SpecificPeople = new(StringComparer.Ordinal)
    {
        "i", "im", "ive", "id", "me", "my", "mine", "we", "our", "us", "him", "his", "her", "hers", "them", "their",
    };

    private static readonly HashSet<string> GeneralMarkers = new(StringComparer.Ordinal)
    {
        "if", "cause", "causes", "caused", "causing", "risk", "risks", "sign", "signs", "symptom", "symptoms", "ever",
        "never", "prevent", "avoid", "possible", "common", "usually", "likely", "dangerous", "danger", "safe", "counts",
        "watch", "prepared", "case", "read", "heard", "treated", "treat", "difference", "happens", "happen", "someone",
        "somebody", "anyone", "anybody", "people", "person", "you", "kids", "children", "elderly", "much", "many",
        "history", "disorder", "used", "chance", "chances", "lead", "trigger", "triggers", "increase", "accidental",
        "recognise", "recognize", "spot", "identify",
    };

    // Words that make a statement naming nobody a topic heading rather than a report:
    // "baclofen overdose symptoms", "withdrawal treatment".
    private static readonly HashSet<string> TopicHeadings = new(StringComparer.Ordinal)
    {
        "sign", "signs", "symptom", "symptoms", "risk", "risks", "treatment", "treatments", "effects", "causes",
        "dangerous", "danger", "dangers", "statistics", "stats", "info", "information", "facts", "definition", "meaning",
    };

    // Phrases that make even a statement general: the writer reports knowledge or history, not an event.
    private static readonly string[][] GeneralStatements =
    [
        ["i", "read"], ["i", "heard"], ["ive", "read"], ["ive", "heard"], ["can", "cause"], ["may", "cause"],
        ["could", "cause"], ["if", "you"], ["if", "someone"], ["if", "somebody"], ["if", "a", "person"], ["if", "anyone"],
        ["signs", "of"], ["symptoms", "of"], ["risk", "of"], ["in", "case"], ["known", "to"], ["used", "in"],
        // Talk about what others say ("a lot of talk online about overdoses").
        ["online"], ["article"], ["articles"], ["news"], ["talk", "about"], ["heard", "about"], ["reading", "about"],
        // Habits and general conditions ("people with a history of seizures", "used to treat").
        ["every", "time"], ["always"], ["history", "of"], ["used", "to"],
    ];

    // Phrases that make a clause history, a habit or a story: the event it names is over, recurs
    // harmlessly, or happened to a character. They make the clause general, and a word of the card named there is no
    // question about the danger ("I had a seizure in 2019, can I take baclofen?" asks about
    // baclofen, and the emergency text on it would be a false alarm).
    private static readonly string[][] HistoryStatements =
    [
        // Medical history rather than an event now ("she had a seizure years ago").
        ["years", "ago"], ["months", "ago"], ["last", "year"], ["in", "the", "past"], ["as", "a", "child"],
        ["as", "a", "kid"], ["as", "a", "baby"], ["i", "used", "to"], ["he", "used", "to"], ["she", "used", "to"], ["we", "used", "to"],
        ["they", "used", "to"], ["as", "a", "teen"], ["as", "a", "teenager"],
        ["when", "i", "was"], ["wen", "i", "was"], ["when", "he", "was"], ["when", "she", "was"], ["when", "they", "were"],
        ["last", "week"], ["last", "month"],
        ["back", "in", "college"], ["back", "in", "school"], ["back", "in", "the", "day"], ["in", "high", "school"], ["in", "college"],
        ["in", "school"], ["as", "a", "toddler"], ["as", "an", "infant"], ["as", "a", "young"], ["years", "back"], ["long", "ago"],
        ["none", "since"], ["nothing", "since"], ["fine", "since"], ["no", "issues", "since"], ["no", "problems", "since"],
        // The same in Spanish: "tuvo convulsiones hace años", "de niño", "el año pasado".
        ["hace", "años"], ["hace", "anos"], ["hace", "meses"], ["de", "niño"], ["de", "niña"], ["de", "nino"], ["de", "nina"],
        ["de", "pequeño"], ["de", "pequeña"], ["de", "joven"], ["el", "año", "pasado"], ["cuando", "era"], ["cuando", "eramos"],
        // A habit rather than an event: "my husband says I'm out cold every night since starting it".
        ["every", "night"], ["every", "morning"], ["every", "evening"], ["each", "night"], ["most", "nights"],
        // Stories, films, shows and songs about it.
        ["stories"], ["story"], ["documentary"], ["movie"], ["novel"], ["song"], ["tv"], ["podcast"],
        ["film"], ["essay"], ["the", "show"], ["a", "show"], ["character"],
    ];

    [Flags]
    private enum Role : byte { None = 0, Filler = 1, Opener = 2, Specific = 4, Marker = 8, Heading = 16 }

    private readonly record struct Phrase(string[] Words, bool History);

    private static readonly Phrase[] NoPhrases = [];

    // The lists above folded into one table, so each word of a clause is hashed once, and
    // looks only at the general statements that start with it.
    private static readonly Dictionary<string, (Role Roles, Phrase[] Phrases)> Words = BuildWords();

    private static Dictionary<string, (Role Roles, Phrase[] Phrases)> BuildWords()
    {
        var words = new Dictionary<string, (Role Roles, Phrase[] Phrases)>(StringComparer.Ordinal);
        void Add(IEnumerable<string> list, Role role)
        {
            foreach (var w in list) words[w] = (words.GetValueOrDefault(w).Roles | role, words.GetValueOrDefault(w).Phrases ?? []);
        }
        Add(Fillers, Role.Filler);
        Add(QuestionOpeners, Role.Opener);
        Add(SpecificPeople, Role.Specific);
        Add(GeneralMarkers, Role.Marker);
        Add(TopicHeadings, Role.Heading);
        // In list order, as they were tried.
        foreach (var phrase in GeneralStatements.Select(p => new Phrase(p, false)).Concat(HistoryStatements.Select(p => new Phrase(p, true))))
        {
            var (roles, phrases) = words.GetValueOrDefault(phrase.Words[0]);
            words[phrase.Words[0]] = (roles, [.. phrases ?? NoPhrases, phrase]);
        }
        return words;
    }

    private static (Role Roles, Phrase[] Phrases) Lookup(string word) => Words.TryGetValue(word, out var found) ? found : (Role.None, NoPhrases);

    private readonly AnalysedText _text;
    // Per clause, once worked out; clauses are numbered from 0 in token order, so an array
    // indexed by clause (made on first use) serves instead of a dictionary.
    private (bool Known, bool Question, bool General, bool Heading, bool History)[]? _clauses;

    public Framing(AnalysedText text) => _text = text;

    public bool IsQuestion(int tokenIndex) => Of(tokenIndex).Question;

    public bool IsGeneral(int tokenIndex) => Of(tokenIndex).General;

    /// <summary>A clause that names nobody and reads like a search ("baclofen overdose symptoms").</summary>
    public bool IsHeading(int tokenIndex) => Of(tokenIndex).Heading;

    /// <summary>A clause about something over (a past year, "years ago", "none since") or a story.</summary>
    public bool IsHistory(int tokenIndex) => Of(tokenIndex).History;

    private (bool Question, bool General, bool Heading, bool History) Of(int tokenIndex)
    {
        int clause = _text.Tokens[tokenIndex].Clause;
        _clauses ??= new (bool, bool, bool, bool, bool)[_text.Tokens[^1].Clause + 1];
        if (_clauses[clause] is { Known: true } known) return (known.Question, known.General, known.Heading, known.History);

        int first = tokenIndex, last = tokenIndex;
        while (first > 0 && _text.Tokens[first - 1].Clause == clause) first--;
        while (last + 1 < _text.Count && _text.Tokens[last + 1].Clause == clause) last++;

        int opener = first;
        while (opener < last && (Lookup(_text.Word(opener)).Roles & Role.Filler) != 0) opener++;
        bool question = _text.IsQuestionMarked(clause) || (Lookup(_text.Word(opener)).Roles & Role.Opener) != 0;

        bool specific = false, marker = false, heading = false, generalStatement = false, history = false, present = false;
        for (int i = first; i <= last; i++)
        {
            var (roles, phrases) = Lookup(_text.Word(i));
            // "my son", "the baby" are someone in particular; "a child", "any kid" are not.
            specific |= (roles & Role.Specific) != 0 || _text.Concept(i) is "HE"
                || _text.Concept(i) is "PERSON" or "CHILD" && _text.Word(i - 1) is not ("a" or "an" or "any" or "some" or "every" or "each");
            marker |= (roles & Role.Marker) != 0;
            heading |= (roles & Role.Heading) != 0;
            foreach (var phrase in phrases)
                if (StartsAt(i, last, phrase.Words))
                {
                    if (phrase.History) history = true;
                    else generalStatement = true;
                }
            history |= IsPastYear(i);
            present |= _text.Word(i) is "now" or "currently" or "again" or "tonight" or "today" or "rn" or "still";
        }
        // "he had a seizure last year and now he is seizing again": the past is the background
        // of something happening now.
        history &= !present;
        generalStatement |= history;
        // "When should I call 911?" asks about some future time, not about now.
        marker |= _text.Word(opener) is "when" or "whens";
        bool isHeading = !specific && heading;
        var framing = (question, generalStatement || question && (!specific || marker) || isHeading, isHeading, history);
        _clauses[clause] = (true, framing.Item1, framing.Item2, framing.Item3, framing.Item4);
        return framing;
    }

    // "back in 2019", "in 2015", "since 2010": a year gone by makes the event history.
    private bool IsPastYear(int i)
    {
        string word = _text.Word(i);
        return word.Length == 4 && (word[0..2] is "19" or "20") && int.TryParse(word, out _)
            && _text.Word(i - 1) is "in" or "since" or "back" or "around" or "circa";
    }

    private bool StartsAt(int i, int last, string[] phrase)
    {
        if (i + phrase.Length - 1 > last) return false;
        for (int k = 0; k < phrase.Length; k++)
            if (_text.Word(i + k) != phrase[k]) return false;
        return true;
    }
}
