namespace Baclofen.Bot.Safety.Emergency;

/// <summary>The harmless look-alikes and worries found in one message (veto and hypothetical
/// rules), which the evidence found afterwards is checked against.</summary>
internal sealed class Vetoes(int tokenCount)
{
    // Made when the first veto or worry is found: most messages have neither.
    private bool[]? _vetoed;
    private bool[]? _hypothetical;
    // Vetoes that hide only one category; rare, so the list is made only when one is found.
    private List<(EmergencyCategory Category, int[] Match)>? _scoped;

    public void Add(Rule rule, int[] match)
    {
        if (rule.VetoesOnly is { } only)
        {
            (_scoped ??= []).Add((only, match));
            return;
        }
        var marks = rule.Kind == RuleKind.Veto ? _vetoed ??= new bool[tokenCount] : _hypothetical ??= new bool[tokenCount];
        foreach (int i in match) marks[i] = true;
    }

    /// <summary>Hides every category's evidence at one token (a look-alike read in code, not by a pattern).</summary>
    public void MarkAt(int token) => (_vetoed ??= new bool[tokenCount])[token] = true;

    /// <summary>True when the token is inside a veto that hides every category.</summary>
    public bool IsVetoedAt(int token) => _vetoed is not null && _vetoed[token];

    /// <summary>True when a token of the match is inside a veto that hides every category.</summary>
    public bool IsVetoed(int[] match)
    {
        if (_vetoed is null) return false;
        foreach (int i in match) if (_vetoed[i]) return true;
        return false;
    }

    /// <summary>True when the match overlaps a veto for every category or one for <paramref name="category"/>.</summary>
    public bool IsVetoedFor(EmergencyCategory category, int[] match)
    {
        if (IsVetoed(match)) return true;
        if (_scoped is null) return false;
        foreach (var (only, veto) in _scoped)
            if (only == category && Overlap(veto, match)) return true;
        return false;
    }

    /// <summary>True when the match overlaps a worry or precaution ("scared of an overdose").</summary>
    public bool IsHypothetical(int[] match)
    {
        if (_hypothetical is null) return false;
        foreach (int i in match) if (_hypothetical[i]) return true;
        return false;
    }

    private static bool Overlap(int[] a, int[] b)
    {
        foreach (int x in a)
            if (Array.IndexOf(b, x) >= 0) return true;
        return false;
    }
}
