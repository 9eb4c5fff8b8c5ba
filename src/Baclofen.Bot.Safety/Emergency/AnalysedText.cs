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
        // Typos repeat within a message; correcting each distinct word once keeps long input cheap.
        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (token.Text == "odd" || !seen.TryGetValue(token.Text, out var concept))
            {
                concept = EmergencyLexicon.ConceptOf(token);
                if (token.Text != "odd") seen[token.Text] = concept;
            }
            Concepts[i] = concept;
        }
    }

    public IReadOnlyList<Token> Tokens { get; }
    public string?[] Concepts { get; }
    public ISet<int> QuestionMarkedClauses { get; }

    public int Count => Tokens.Count;
    public string Word(int i) => i >= 0 && i < Tokens.Count ? Tokens[i].Text : "";
    public string? Concept(int i) => i >= 0 && i < Tokens.Count ? Concepts[i] : null;
    public bool Is(int i, string concept) => Concept(i) == concept;
}
