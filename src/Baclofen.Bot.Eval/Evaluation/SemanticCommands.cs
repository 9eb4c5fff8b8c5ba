using Baclofen.Bot.Embeddings;
using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot.Eval.Evaluation;

/// <summary>The sentence model's experiments: --semantic-probe and --semantic-emergency.</summary>
public static class SemanticCommands
{
    public static void Run(IConfiguration configuration, EvalArguments arguments, TextWriter output)
    {
        var options = SentenceEncoderOptions.ArcticXs();
        using var encoder = new OnnxSentenceEncoder(options);
        var sets = arguments.SetsFolder!;

        if (arguments.SemanticProbe)
        {
            var catalog = BotComposition.LoadCatalog(configuration, AppContext.BaseDirectory);
            var probe = new SemanticProbe(encoder, catalog);
            output.WriteLine($"== semantic probe: arctic-embed-xs alone, nearest FAQ question by cosine ({probe.QuestionCount} questions of {catalog.Entries.Count} entries embedded as documents in {probe.IndexTime.TotalMilliseconds:0} ms)");
            var files = new[] { "questions.tsv" }
                .Concat(Directory.GetFiles(sets, "heldout-questions*.tsv").Select(Path.GetFileName).Order(StringComparer.Ordinal))
                .Select(f => Path.Combine(sets, f!));
            foreach (var file in files)
            {
                var lines = EvalSets.Read(file);
                foreach (var role in new[] { TextRole.Query, TextRole.Document })
                {
                    var result = probe.Run(lines, role);
                    var label = $"{Path.GetFileName(file)} ({(role == TextRole.Query ? "query prefix" : "no prefix")})";
                    output.WriteLine(result.Line(label));
                    if (role == TextRole.Query && arguments.MaxMisses > 0)
                    {
                        foreach (var miss in result.Misses.Take(Math.Min(arguments.MaxMisses, 8))) output.WriteLine($"    {miss}");
                    }
                }
            }
        }

        if (arguments.SemanticEmergency)
        {
            SemanticEmergencyExperiment.Run(configuration, encoder, sets, output);
        }
    }
}
