namespace Baclofen.Bot.Eval.Evaluation;

/// <summary>A development-set line: the message and the second column (ids, kind or label).</summary>
public sealed record EvalLine(string Message, string Expectation, int LineNumber);

public static class EvalSets
{
    /// <summary>Reads UTF-8 <c>message&lt;TAB&gt;expectation</c> lines; blank lines and # comments are skipped.</summary>
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

            var tab = raw.LastIndexOf('\t');
            if (tab < 0)
            {
                throw new FormatException($"{path}:{number}: expected message<TAB>expectation");
            }

            lines.Add(new EvalLine(raw[..tab].Trim(), raw[(tab + 1)..].Trim(), number));
        }

        return lines;
    }
}
