namespace Baclofen.Bot.Eval.Evaluation;

public sealed class EvalArguments
{
    public const string Usage =
        "usage: Baclofen.Bot.Eval [--questions FILE]... [--out-of-scope FILE]... [--emergency FILE]... [--misses N] [--threshold-fit]\n" +
        "       Baclofen.Bot.Eval --semantic-probe | --semantic-emergency   (the sentence model's experiments)\n" +
        "       with no set named, runs tests/eval/questions.tsv, out_of_scope.tsv and emergency.tsv\n" +
        "       --threshold-fit also prints how the emergency classifier's threshold is chosen (out-of-fold table, ~10 s)";

    public List<string> Questions { get; } = [];
    public List<string> OutOfScope { get; } = [];
    public List<string> Emergency { get; } = [];
    public int MaxMisses { get; private set; } = 40;
    public bool ThresholdFit { get; private set; }
    public bool SemanticProbe { get; private set; }
    public bool SemanticEmergency { get; private set; }
    public string? SetsFolder { get; private set; }
    public string? Error { get; private set; }

    public static EvalArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new EvalArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--questions" when value is not null: parsed.Questions.Add(value); i++; break;
                case "--out-of-scope" when value is not null: parsed.OutOfScope.Add(value); i++; break;
                case "--emergency" when value is not null: parsed.Emergency.Add(value); i++; break;
                case "--misses" when int.TryParse(value, out var n) && n >= 0: parsed.MaxMisses = n; i++; break;
                case "--threshold-fit": parsed.ThresholdFit = true; break;
                case "--semantic-probe": parsed.SemanticProbe = true; break;
                case "--semantic-emergency": parsed.SemanticEmergency = true; break;
                default:
                    parsed.Error = $"unknown or incomplete argument '{args[i]}'";
                    return parsed;
            }
        }

        parsed.SetsFolder = DefaultSetsFolder();
        if (parsed.SemanticProbe || parsed.SemanticEmergency)
        {
            if (parsed.SetsFolder is null) parsed.Error = "tests/eval/ not found above the current folder";
            return parsed;
        }

        if (parsed.Questions.Count + parsed.OutOfScope.Count + parsed.Emergency.Count == 0)
        {
            var sets = parsed.SetsFolder;
            if (sets is null)
            {
                parsed.Error = "no set named and tests/eval/ not found above the current folder";
                return parsed;
            }

            parsed.Questions.Add(Path.Combine(sets, "questions.tsv"));
            parsed.OutOfScope.Add(Path.Combine(sets, "out_of_scope.tsv"));
            parsed.Emergency.Add(Path.Combine(sets, "emergency.tsv"));
        }

        foreach (var path in parsed.Questions.Concat(parsed.OutOfScope).Concat(parsed.Emergency))
        {
            if (!File.Exists(path))
            {
                parsed.Error = $"no such file: {path}";
                break;
            }
        }

        return parsed;
    }

    private static string? DefaultSetsFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "eval");
            if (File.Exists(Path.Combine(candidate, "questions.tsv")))
            {
                return candidate;
            }
        }

        return null;
    }
}
