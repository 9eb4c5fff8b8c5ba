using System.Text;
using System.Text.RegularExpressions;

namespace Baclofen.Bot.Teams;

/// <summary>
/// Rewrites our Markdown into the subset Teams renders in a bot message: bold, italic, links,
/// lists and code render; tables do not (they arrive as rows of pipes) and headings render
/// unevenly between desktop and mobile. Tables become bullet lines and headings bold lines;
/// everything else, and anything inside fenced code, is left as written.
/// </summary>
public static partial class TeamsMarkdown
{
    public static string Convert(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return markdown ?? string.Empty;
        }

        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var output = new List<string>(lines.Length);
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (fence is not null)
            {
                output.Add(line);
                if (line.TrimStart().StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                continue;
            }

            var fenceMatch = FenceOpen().Match(line);
            if (fenceMatch.Success)
            {
                fence = fenceMatch.Groups["fence"].Value;
                output.Add(line);
                continue;
            }

            if (i + 1 < lines.Length && IsTableRow(line) && TableDelimiter().IsMatch(lines[i + 1]))
            {
                var header = Cells(line);
                var rows = new List<IReadOnlyList<string>>();
                i += 2;
                while (i < lines.Length && IsTableRow(lines[i]))
                {
                    rows.Add(Cells(lines[i]));
                    i++;
                }

                i--;
                AppendBlock(output, rows.Select(row => Bullet(header, row)));
                continue;
            }

            var heading = AtxHeading().Match(line);
            if (heading.Success)
            {
                AppendBlock(output, [Bold(heading.Groups["text"].Value)]);
                continue;
            }

            if (i + 1 < lines.Length && line.Trim().Length > 0 && !IsListItem(line) && SetextUnderline().IsMatch(lines[i + 1])
                && (output.Count == 0 || IsBlank(output[^1])))
            {
                AppendBlock(output, [Bold(line.Trim())]);
                i++;
                continue;
            }

            output.Add(line);
        }

        return Finish(output);
    }

    private static string Bullet(IReadOnlyList<string> header, IReadOnlyList<string> row)
    {
        var first = row.Count > 0 ? row[0] : string.Empty;
        var rest = new List<string>();
        for (var c = 1; c < row.Count; c++)
        {
            if (row[c].Length == 0)
            {
                continue;
            }

            var label = c < header.Count ? header[c] : string.Empty;
            rest.Add(label.Length > 0 && row.Count > 2 ? $"{label}: {row[c]}" : row[c]);
        }

        if (rest.Count == 0)
        {
            return $"- {first}";
        }

        var head = first.Length > 0 ? Bold(first) + (row.Count > 2 ? " — " : ": ") : string.Empty;
        return $"- {head}{string.Join("; ", rest)}";
    }

    private static string Bold(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("**", StringComparison.Ordinal) && trimmed.EndsWith("**", StringComparison.Ordinal) && trimmed.Length > 4
            ? trimmed
            : $"**{trimmed}**";
    }

    // Teams only starts a list or a new block after a blank line, so converted blocks get one each side.
    private static void AppendBlock(List<string> output, IEnumerable<string> block)
    {
        if (output.Count > 0 && !IsBlank(output[^1]))
        {
            output.Add(string.Empty);
        }

        output.AddRange(block);
        output.Add(BlockEnd);
    }

    // A block's closing blank line, merged with a blank line the source already has after it.
    private const string BlockEnd = "\u0000";

    private static string Finish(List<string> output)
    {
        var lines = new List<string>(output.Count);
        for (var k = 0; k < output.Count; k++)
        {
            if (output[k] == BlockEnd)
            {
                if (k + 1 < output.Count && IsBlank(output[k + 1]))
                {
                    continue;
                }

                lines.Add(string.Empty);
                continue;
            }

            lines.Add(output[k]);
        }

        return string.Join('\n', lines).Trim('\n');
    }

    private static bool IsBlank(string line) => line == BlockEnd || line.Trim().Length == 0;

    private static bool IsTableRow(string line) => line.Trim().Length > 0 && UnescapedPipe().IsMatch(line);

    private static bool IsListItem(string line) => ListItem().IsMatch(line);

    private static List<string> Cells(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^1];
        }

        var cells = new List<string>();
        var cell = new StringBuilder();
        for (var k = 0; k < trimmed.Length; k++)
        {
            if (trimmed[k] == '\\' && k + 1 < trimmed.Length && trimmed[k + 1] == '|')
            {
                cell.Append('|');
                k++;
            }
            else if (trimmed[k] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(trimmed[k]);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }

    [GeneratedRegex(@"^\s{0,3}(?<fence>```|~~~)")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")]
    private static partial Regex TableDelimiter();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.*?)(?:\s+#+)?\s*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^\s{0,3}(=+|-{2,})\s*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s")]
    private static partial Regex ListItem();
}
