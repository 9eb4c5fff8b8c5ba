using YamlDotNet.RepresentationModel;

namespace Baclofen.Bot.Knowledge.Faq;

/// <summary>
/// Parses one faq/{id}.md file: YAML front matter between <c>---</c> lines, then the Markdown
/// answer. Checks what can be checked within the file; cross-file checks (keys, related ids,
/// duplicates) belong to <see cref="FaqLoader"/>, which needs the line of each value, hence the
/// <see cref="ParsedEntry"/> with positions.
/// </summary>
internal static class FaqFileParser
{
    internal sealed record Located(string Value, int Line);

    internal sealed record ParsedEntry(
        Located Id,
        IReadOnlyList<Located> Questions,
        string Answer,
        Located Disclaimer,
        IReadOnlyList<Located> Sources,
        IReadOnlyList<Located> Related,
        IReadOnlyList<string> Keywords,
        string FilePath);

    private static readonly HashSet<string> KnownKeys = ["id", "questions", "disclaimer", "sources", "related", "keywords"];

    public static ParsedEntry? Parse(string path, string displayPath, string[] lines, List<FaqValidationError> errors)
    {
        void Error(int line, string message) => errors.Add(new FaqValidationError(displayPath, line, message));

        if (lines.Length == 0 || lines[0].Trim().TrimStart('\uFEFF') != "---")
        {
            Error(1, "missing front matter: the file must start with a '---' line");
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            Error(1, "front matter is not closed by a '---' line");
            return null;
        }

        // The YAML starts on file line 2, so a YAML line n is file line n + 1.
        const int offset = 1;
        var root = YamlNodes.ParseRoot(string.Join('\n', lines[1..close]), out var yamlError);
        if (yamlError is { } e)
        {
            Error(e.Line + offset, e.Message);
            return null;
        }
        if (root is not YamlMappingNode map)
        {
            Error(2, "front matter must be a YAML mapping (id, questions, disclaimer, sources, ...)");
            return null;
        }

        var before = errors.Count;
        foreach (var key in map.Children.Keys)
            if (key is YamlScalarNode { Value: { } name } && !KnownKeys.Contains(name))
                Error(YamlNodes.Line(key) + offset, $"unknown front matter key '{name}'");

        var id = RequiredScalar(map, "id", offset, Error);
        var disclaimer = RequiredScalar(map, "disclaimer", offset, Error);
        var questions = ScalarList(map, "questions", offset, Error, required: true);
        var sources = ScalarList(map, "sources", offset, Error, required: false);
        var related = ScalarList(map, "related", offset, Error, required: false);
        var keywords = ScalarList(map, "keywords", offset, Error, required: false);

        if (YamlNodes.Get(map, "questions") is YamlSequenceNode && questions.Count == 0)
            Error(YamlNodes.Line(YamlNodes.KeyNode(map, "questions")!) + offset, "at least one question is required");

        var answer = string.Join('\n', lines[(close + 1)..]).Trim();
        if (answer.Length == 0)
            Error(close + 1, "empty answer: write the answer after the closing '---'");

        if (errors.Count > before || id is null || disclaimer is null) return null;
        return new ParsedEntry(id, questions, answer, disclaimer, sources, related,
            keywords.Select(k => k.Value).ToList(), path);
    }

    private static Located? RequiredScalar(YamlMappingNode map, string key, int offset, Action<int, string> error)
    {
        var node = YamlNodes.Get(map, key);
        if (node is null)
        {
            error(2, $"missing required key '{key}'");
            return null;
        }
        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            error(YamlNodes.Line(node) + offset, $"'{key}' must be a single non-empty value");
            return null;
        }
        return new Located(value.Trim(), YamlNodes.Line(node) + offset);
    }

    private static List<Located> ScalarList(YamlMappingNode map, string key, int offset, Action<int, string> error, bool required)
    {
        var result = new List<Located>();
        var node = YamlNodes.Get(map, key);
        if (node is null)
        {
            if (required) error(2, $"missing required key '{key}'");
            return result;
        }
        if (node is YamlScalarNode { Value: null or "" } && !required) return result; // "related:" left empty
        if (node is not YamlSequenceNode sequence)
        {
            error(YamlNodes.Line(node) + offset, $"'{key}' must be a list");
            return result;
        }
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
                result.Add(new Located(value.Trim(), YamlNodes.Line(item) + offset));
            else
                error(YamlNodes.Line(item) + offset, $"every item of '{key}' must be a non-empty text");
        }
        return result;
    }
}
