using Baclofen.Bot.Knowledge.Analysis;
using YamlDotNet.RepresentationModel;

namespace Baclofen.Bot.Knowledge.Faq;

/// <summary>
/// Loads and validates the FAQ directory (faq/*.md, disclaimers.yaml, sources.yaml,
/// synonyms.txt, out-of-scope.txt) at start-up. Either the whole catalog is valid or <see cref="FaqValidationException"/>
/// lists every error with its file and line; there is no partial catalog.
/// </summary>
public static class FaqLoader
{
    public const string DisclaimersFile = "disclaimers.yaml";
    public const string SourcesFile = "sources.yaml";
    public const string SynonymsFile = "synonyms.txt";

    public static FaqCatalog Load(string directory)
    {
        var errors = new List<FaqValidationError>();
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        string Display(string file) => $"{folder}/{file}";

        if (!Directory.Exists(directory))
            throw new FaqValidationException([new FaqValidationError(folder, 0, $"FAQ directory not found: {Path.GetFullPath(directory)}")]);

        var disclaimers = LoadDisclaimers(Path.Combine(directory, DisclaimersFile), Display(DisclaimersFile), errors);
        var sources = LoadSources(Path.Combine(directory, SourcesFile), Display(SourcesFile), errors);
        var synonymRules = LoadSynonyms(Path.Combine(directory, SynonymsFile), Display(SynonymsFile), errors);

        var parsed = new List<(FaqFileParser.ParsedEntry Entry, string Display)>();
        var files = Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) errors.Add(new FaqValidationError(folder, 0, "no FAQ entries (*.md files)"));
        foreach (var file in files)
        {
            var display = Display(Path.GetFileName(file));
            var entry = FaqFileParser.Parse(file, display, File.ReadAllLines(file), errors);
            if (entry is not null) parsed.Add((entry, display));
        }

        var questions = CheckCrossReferences(parsed, disclaimers, sources, errors);
        var outOfScope = OutOfScopeFile.Load(Path.Combine(directory, OutOfScopeFile.FileName), Display(OutOfScopeFile.FileName),
            questions, NormalizeQuestion, errors);

        if (errors.Count > 0) throw new FaqValidationException(errors);

        var entries = parsed.Select(p => new FaqEntry(
            p.Entry.Id.Value,
            p.Entry.Questions.Select(q => q.Value).ToList(),
            p.Entry.Answer,
            p.Entry.Disclaimer.Value,
            p.Entry.Sources.Select(s => s.Value).ToList(),
            p.Entry.Related.Select(r => r.Value).ToList(),
            p.Entry.Keywords,
            p.Entry.FilePath)).ToList();
        return new FaqCatalog(entries, disclaimers, sources, synonymRules, outOfScope);
    }

    /// <returns>Every question, normalised, with its location (faq/onset.md:5).</returns>
    private static Dictionary<string, string> CheckCrossReferences(
        List<(FaqFileParser.ParsedEntry Entry, string Display)> parsed,
        IReadOnlyDictionary<string, Disclaimer> disclaimers,
        IReadOnlyDictionary<string, FaqSource> sources,
        List<FaqValidationError> errors)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var questions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, display) in parsed)
        {
            var fileId = Path.GetFileNameWithoutExtension(entry.FilePath);
            if (entry.Id.Value != fileId)
                errors.Add(new(display, entry.Id.Line, $"id '{entry.Id.Value}' does not match the file name '{fileId}.md'"));
            if (!ids.TryAdd(entry.Id.Value, display))
                errors.Add(new(display, entry.Id.Line, $"duplicate id '{entry.Id.Value}' (also in {ids[entry.Id.Value]})"));

            foreach (var question in entry.Questions)
            {
                var key = NormalizeQuestion(question.Value);
                var here = $"{display}:{question.Line}";
                if (!questions.TryAdd(key, here))
                    errors.Add(new(display, question.Line, $"duplicate question '{question.Value}' (also at {questions[key]})"));
            }
        }

        foreach (var (entry, display) in parsed)
        {
            if (!disclaimers.ContainsKey(entry.Disclaimer.Value))
                errors.Add(new(display, entry.Disclaimer.Line, $"unknown disclaimer key '{entry.Disclaimer.Value}'"));
            foreach (var source in entry.Sources.Where(s => !sources.ContainsKey(s.Value)))
                errors.Add(new(display, source.Line, $"unknown source key '{source.Value}'"));
            foreach (var related in entry.Related.Where(r => !ids.ContainsKey(r.Value)))
                errors.Add(new(display, related.Line, $"unknown related id '{related.Value}'"));
            foreach (var related in entry.Related.Where(r => r.Value == entry.Id.Value))
                errors.Add(new(display, related.Line, "an entry cannot be related to itself"));
        }
        return questions;
    }

    /// <summary>Questions differing only in case, spacing or final punctuation are the same question.</summary>
    private static string NormalizeQuestion(string question) =>
        string.Join(' ', question.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .TrimEnd('?', '.', '!', ' ');

    private static YamlMappingNode? LoadMapping(string path, string display, List<FaqValidationError> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(new(display, 0, "file not found"));
            return null;
        }
        var root = YamlNodes.ParseRoot(File.ReadAllText(path), out var error);
        if (error is { } e)
        {
            errors.Add(new(display, e.Line, e.Message));
            return null;
        }
        if (root is not YamlMappingNode map)
        {
            errors.Add(new(display, 1, "must be a YAML mapping of key: value"));
            return null;
        }
        return map;
    }

    private static Dictionary<string, Disclaimer> LoadDisclaimers(string path, string display, List<FaqValidationError> errors)
    {
        var result = new Dictionary<string, Disclaimer>(StringComparer.Ordinal);
        if (LoadMapping(path, display, errors) is not { } map) return result;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            var text = (valueNode as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(text))
                errors.Add(new(display, YamlNodes.Line(keyNode), $"disclaimer '{key}' must map to a non-empty text"));
            else
                result[key] = new Disclaimer(key, text.Trim());
        }
        return result;
    }

    private static Dictionary<string, FaqSource> LoadSources(string path, string display, List<FaqValidationError> errors)
    {
        var result = new Dictionary<string, FaqSource>(StringComparer.Ordinal);
        if (LoadMapping(path, display, errors) is not { } map) return result;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            var line = YamlNodes.Line(keyNode);
            if (string.IsNullOrWhiteSpace(key) || valueNode is not YamlMappingNode fields)
            {
                errors.Add(new(display, line, $"source '{key}' must map to title, publisher and optional url"));
                continue;
            }
            var title = (YamlNodes.Get(fields, "title") as YamlScalarNode)?.Value;
            var publisher = (YamlNodes.Get(fields, "publisher") as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(title)) errors.Add(new(display, line, $"source '{key}' has no title"));
            if (string.IsNullOrWhiteSpace(publisher)) errors.Add(new(display, line, $"source '{key}' has no publisher"));
            if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(publisher)) continue;
            result[key] = new FaqSource(key, title.Trim(), publisher.Trim())
            {
                Url = (YamlNodes.Get(fields, "url") as YamlScalarNode)?.Value,
            };
        }
        return result;
    }

    /// <summary>synonyms.txt is optional: an FAQ without synonyms is still a valid FAQ.</summary>
    private static List<string> LoadSynonyms(string path, string display, List<FaqValidationError> errors)
    {
        if (!File.Exists(path)) return [];
        var lines = File.ReadAllLines(path);
        var (_, parseErrors) = SynonymRuleParser.Parse(lines);
        foreach (var error in parseErrors)
            errors.Add(new(display, error.LineNumber, $"malformed synonym rule: {error.Message}"));
        return lines
            .Select(l => (l.IndexOf('#') is var hash and >= 0 ? l[..hash] : l).Trim())
            .Where(l => l.Length > 0)
            .ToList();
    }
}
