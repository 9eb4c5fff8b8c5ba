using Baclofen.Bot.Safety.Recognizers;
using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>A message broken into tokens, each with its emergency concept, plus what the
/// punctuation said about questions. Built once per message and shared by every rule.</summary>
internal sealed class AnalysedText
{
    public AnalysedText(string text)
    {
        Tokens = Tokenizer.Split(text, out var questionClauses);
        _questionMarkedClauses = questionClauses;
        Concepts = new string?[Tokens.Count];
        Canonicals = new string[Tokens.Count];
        WordIds = new int[Tokens.Count];
        CanonicalIds = new int[Tokens.Count];
        ConceptIds = new int[Tokens.Count];
        _present = new ulong[(PatternIndex.Count + 63) / 64];
        // Typos repeat within a message; correcting each distinct word once keeps long input cheap.
        // A short message looks back over its own words instead of allocating a dictionary.
        var seen = Tokens.Count > ShortMessage ? new Dictionary<string, (string? Concept, string Canonical)>(StringComparer.Ordinal) : null;
        var lexicalConcepts = seen is null ? new string?[Tokens.Count] : null;
        for (int i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            // A word some pattern or the lexicon spells, or a short one: no typo matching.
            if (WordReadings.TryGet(token, out var known))
            {
                if (lexicalConcepts is not null) lexicalConcepts[i] = known.Concept;
                Canonicals[i] = known.Canonical;
                WordIds[i] = Mark(known.WordId);
                CanonicalIds[i] = Mark(known.CanonicalId);
                var after = i > 0 ? EmergencyLexicon.ConceptAfter(Tokens[i - 1].Text, token.Text) : null;
                Concepts[i] = after ?? known.Concept;
                ConceptIds[i] = after is null || after == known.Concept ? Mark(known.ConceptId) : Mark(after);
                continue;
            }
            if (token.Text == "odd" || !TryGetSeen(i, seen, lexicalConcepts, out var reading))
            {
                reading = WordReadings.Read(token);
                if (token.Text != "odd" && seen is not null) seen[token.Text] = reading;
            }
            if (lexicalConcepts is not null) lexicalConcepts[i] = reading.Concept;
            var (concept, canonical) = reading;
            if (i > 0 && EmergencyLexicon.ConceptAfter(Tokens[i - 1].Text, token.Text) is { } pair) concept = pair;
            Concepts[i] = concept;
            Canonicals[i] = canonical;
            WordIds[i] = Mark(token.Text);
            CanonicalIds[i] = canonical == token.Text ? WordIds[i] : Mark(canonical);
            ConceptIds[i] = concept is null ? 0 : Mark(concept);
        }
    }

    private const int ShortMessage = 32;

    // The reading of an earlier token with the same word: from the dictionary of a long message,
    // or for a short one the nearest earlier token with that word ("odd" is never stored).
    private bool TryGetSeen(int i, Dictionary<string, (string? Concept, string Canonical)>? seen, string?[]? lexicalConcepts,
        out (string? Concept, string Canonical) reading)
    {
        var text = Tokens[i].Text;
        if (seen is not null) return seen.TryGetValue(text, out reading);
        for (int j = i - 1; j >= 0; j--)
        {
            if (Tokens[j].Text != text) continue;
            reading = (lexicalConcepts![j], Canonicals[j]);
            return true;
        }
        reading = default;
        return false;
    }

    // Which pattern words and concepts occur anywhere in the message, so a pattern whose first
    // element names none of them is rejected with a few bit tests.
    private readonly ulong[] _present;

    private int Mark(string key) => Mark(PatternIndex.IdOf(key));

    private int Mark(int id)
    {
        _present[id >> 6] |= 1UL << id;
        return id;
    }

    /// <summary>The pattern ids (<see cref="PatternIndex"/>) of each token's typed word, of the
    /// word the rules spell it as, and of its concept; 0 where no pattern spells it.</summary>
    public int[] WordIds { get; }
    public int[] CanonicalIds { get; }
    public int[] ConceptIds { get; }

    /// <summary>True when some token's word, spelling or concept has one of these ids.</summary>
    public bool HasAny(int[] ids)
    {
        foreach (int id in ids)
            if ((_present[id >> 6] & (1UL << id)) != 0) return true;
        return false;
    }

    /// <summary>True when some token's word, spelling or concept is in the id set.</summary>
    public bool HasAny(IdSet ids) => ids.Overlaps(_present);

    /// <summary>True when token <paramref name="i"/>'s word, spelling or concept is in the id set <paramref name="ids"/>.</summary>
    public bool HasAnyAt(int i, IdSet ids) => ids.Contains(WordIds[i]) || ids.Contains(CanonicalIds[i]) || ids.Contains(ConceptIds[i]);

    public List<Token> Tokens { get; }
    public string?[] Concepts { get; }
    public string[] Canonicals { get; }
    private readonly HashSet<int>? _questionMarkedClauses;

    /// <summary>True when the clause ended with a question mark.</summary>
    public bool IsQuestionMarked(int clause) => _questionMarkedClauses is not null && _questionMarkedClauses.Contains(clause);

    // The amounts in the message, read once: the ingestion and despair readers both need them.
    private QuantityRecognizer? _amountsBy;
    private List<QuantitySpan>? _amounts;

    /// <summary>The amounts <paramref name="recognizer"/> finds in the tokens (not to be modified).</summary>
    public List<QuantitySpan> Amounts(QuantityRecognizer recognizer)
    {
        if (!ReferenceEquals(_amountsBy, recognizer))
        {
            _amounts = recognizer.Find(Tokens);
            _amountsBy = recognizer;
        }
        return _amounts!;
    }

    public int Count => Tokens.Count;
    public string Word(int i) => i >= 0 && i < Tokens.Count ? Tokens[i].Text : "";
    /// <summary>The word as the rules spell it: the typed word, or the literal it is a typo of.</summary>
    public string Canonical(int i) => i >= 0 && i < Tokens.Count ? Canonicals[i] : "";
    public string? Concept(int i) => i >= 0 && i < Tokens.Count ? Concepts[i] : null;
    public bool Is(int i, string concept) => Concept(i) == concept;
}
