using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>A message broken into tokens, each with its emergency concept, plus what the
/// punctuation said about questions. Built once per message and shared by every rule.</summary>
internal sealed class AnalysedText
{
    public AnalysedText(string text)
    {
        Tokens = Tokenizer.Tokenize(text, out var questionClauses);
        QuestionMarkedClauses = questionClauses;
        Concepts = new string?[Tokens.Count];
        Canonicals = new string[Tokens.Count];
        // Typos repeat within a message; correcting each distinct word once keeps long input cheap.
        var seen = new Dictionary<string, (string? Concept, string Canonical)>(StringComparer.Ordinal);
        for (int i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (token.Text == "odd" || !seen.TryGetValue(token.Text, out var reading))
            {
                var lexical = EmergencyLexicon.Read(token);
                // A word that is no concept may be a typo of a word the rules spell out.
                reading = lexical is { } found
                    ? (found.Concept, found.Word)
                    : (null, token.IsNumber ? token.Text : PatternVocabulary.Canonical(token.Text));
                if (token.Text != "odd") seen[token.Text] = reading;
            }
            var (concept, canonical) = reading;
            if (i > 0 && EmergencyLexicon.ConceptAfter(Tokens[i - 1].Text, token.Text) is { } pair) concept = pair;
            Concepts[i] = concept;
            Canonicals[i] = canonical;
            Index(token.Text, i);
            if (canonical != token.Text) Index(canonical, i);
            if (concept is not null) Index(concept, i);
        }
    }

    // Where each word and concept occurs, so a rule only tries the places it could start.
    private readonly Dictionary<string, List<int>> _positions = new(StringComparer.Ordinal);

    private void Index(string key, int i)
    {
        if (!_positions.TryGetValue(key, out var list)) _positions[key] = list = new List<int>(2);
        list.Add(i);
    }

    /// <summary>Every word and concept in the message.</summary>
    public IEnumerable<string> Keys => _positions.Keys;

    /// <summary>The indices of tokens whose word or concept is <paramref name="key"/>.</summary>
    public IReadOnlyList<int> PositionsOf(string key) => _positions.TryGetValue(key, out var list) ? list : [];

    public IReadOnlyList<Token> Tokens { get; }
    public string?[] Concepts { get; }
    public string[] Canonicals { get; }
    public ISet<int> QuestionMarkedClauses { get; }

    public int Count => Tokens.Count;
    public string Word(int i) => i >= 0 && i < Tokens.Count ? Tokens[i].Text : "";
    /// <summary>The word as the rules spell it: the typed word, or the literal it is a typo of.</summary>
    public string Canonical(int i) => i >= 0 && i < Tokens.Count ? Canonicals[i] : "";
    public string? Concept(int i) => i >= 0 && i < Tokens.Count ? Concepts[i] : null;
    public bool Is(int i, string concept) => Concept(i) == concept;
}
