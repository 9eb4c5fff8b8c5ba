namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// Reads Solr's synonyms format: <c>#</c> comments, blank lines, <c>a, b, c</c> equivalence,
/// <c>a, b =&gt; c</c> explicit mapping; phrases may have several words. Reports every malformed
/// line with its number instead of stopping at the first, so an editor can fix them in one pass.
/// </summary>
public static class SynonymRuleParser
{
    public sealed record ParseError(int LineNumber, string Message);

    public static (IReadOnlyList<SynonymRule> Rules, IReadOnlyList<ParseError> Errors) Parse(IEnumerable<string> lines)
    {
        var rules = new List<SynonymRule>();
        var errors = new List<ParseError>();
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = StripComment(raw).Trim();
            if (line.Length == 0) continue;

            var error = TryParseLine(line, lineNumber, out var rule);
            if (error is not null) errors.Add(new ParseError(lineNumber, error));
            else rules.Add(rule!);
        }
        return (rules, errors);
    }

    /// <summary>Parses a single rule; throws <see cref="FormatException"/> when it is malformed.</summary>
    public static SynonymRule ParseLine(string line, int lineNumber = 1)
    {
        var error = TryParseLine(StripComment(line).Trim(), lineNumber, out var rule);
        return error is null ? rule! : throw new FormatException($"line {lineNumber}: {error}");
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }

    private static string? TryParseLine(string line, int lineNumber, out SynonymRule? rule)
    {
        rule = null;
        var sides = line.Split("=>");
        if (sides.Length > 2) return $"more than one '=>' in '{line}'";

        var inputs = SplitPhrases(sides[0], out var inputError);
        if (inputError is not null) return inputError;

        if (sides.Length == 2)
        {
            var outputs = SplitPhrases(sides[1], out var outputError);
            if (outputError is not null) return outputError;
            if (inputs.Count == 0) return "nothing before '=>'";
            if (outputs.Count == 0) return "nothing after '=>'";
            rule = new SynonymRule(inputs, outputs, IsExplicitMapping: true, lineNumber);
            return null;
        }

        if (inputs.Count < 2) return $"an equivalence needs at least two comma-separated phrases: '{line}'";
        rule = new SynonymRule(inputs, inputs, IsExplicitMapping: false, lineNumber);
        return null;
    }

    private static List<string> SplitPhrases(string side, out string? error)
    {
        error = null;
        var phrases = new List<string>();
        var parts = side.Split(',');
        if (parts.Length == 1 && parts[0].Trim().Length == 0) return phrases;
        foreach (var part in parts)
        {
            var phrase = string.Join(' ', part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (phrase.Length == 0)
            {
                error = "empty phrase between commas";
                return phrases;
            }
            phrases.Add(phrase);
        }
        return phrases;
    }
}
