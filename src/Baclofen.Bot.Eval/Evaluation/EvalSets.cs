namespace Baclofen.Bot.Eval.Evaluation;

/// <summary>A development-set line: the message, the second column (ids, kind or label) and
/// an optional third column (the emergency sets' category).</summary>
public sealed record EvalLine(string Message, string Expectation, int LineNumber, string? Category = null);

public static class EvalSets
{
    /// <summary>Reads UTF-8 <c>message&lt;TAB&gt;expectation[&lt;TAB&gt;category]</c> lines; blank lines and # comments are skipped.</summary>
    public static IReadOnlyList<EvalLine> Read(string path)
    {
        var lines = new List<EvalLine>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw) || raw.StartsWith('#'))
            {
                continue;
            }

            var parts = raw.Split('\t');
            if (parts.Length < 2)
            {
                throw new FormatException($"{path}:{number}: expected message<TAB>expectation[<TAB>category]");
            }

            var category = parts.Length > 2 && parts[2].Trim().Length > 0 ? parts[2].Trim() : null;
            lines.Add(new EvalLine(parts[0].Trim(), parts[1].Trim(), number, category));
        }

        return lines;
    }
}
