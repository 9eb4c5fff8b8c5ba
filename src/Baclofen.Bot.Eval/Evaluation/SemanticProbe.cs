using System.Diagnostics;
using Baclofen.Bot.Embeddings;
using Baclofen.Bot.Knowledge.Faq;

namespace Baclofen.Bot.Eval.Evaluation;

/// <summary>
/// How far the sentence model alone gets: every FAQ question embedded as a document, each set's
/// message as a query, an entry scored by its closest question. No lexical stage, no None class,
/// no threshold: an upper view of what the model could add, not what the bot answers.
/// </summary>
public sealed class SemanticProbe
{
    private readonly ISentenceEncoder _encoder;
    private readonly List<(string EntryId, float[] Vector)> _questions = [];

    public SemanticProbe(ISentenceEncoder encoder, FaqCatalog catalog)
    {
        _encoder = encoder;
        var watch = Stopwatch.StartNew();
        foreach (var entry in catalog.Entries)
        {
            foreach (var question in entry.Questions) _questions.Add((entry.Id, encoder.EncodeDocument(question)));
        }
        IndexTime = watch.Elapsed;
    }

    public TimeSpan IndexTime { get; }

    public int QuestionCount => _questions.Count;

    public ProbeResult Run(IReadOnlyList<EvalLine> lines, TextRole role)
    {
        var result = new ProbeResult();
        var vector = new float[_encoder.Dimensions];
        var watch = new Stopwatch();
        foreach (var line in lines)
        {
            var acceptable = line.Expectation.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            watch.Start();
            _encoder.Encode(line.Message, role, vector);
            watch.Stop();
            var ranked = _questions
                .GroupBy(q => q.EntryId)
                .Select(g => (Id: g.Key, Score: g.Max(q => VectorMath.Cosine(vector, q.Vector))))
                .OrderByDescending(e => e.Score)
                .Take(3)
                .ToList();
            result.Total++;
            if (acceptable.Contains(ranked[0].Id)) result.Top1++;
            else result.Misses.Add($"{line.Message}  → {ranked[0].Id} ({ranked[0].Score:0.00}); expected {line.Expectation}");
            if (ranked.Any(r => acceptable.Contains(r.Id))) result.Top3++;
        }
        result.EncodeTime = watch.Elapsed;
        return result;
    }
}

public sealed class ProbeResult
{
    public int Total { get; set; }
    public int Top1 { get; set; }
    public int Top3 { get; set; }
    public TimeSpan EncodeTime { get; set; }
    public List<string> Misses { get; } = [];

    public string Line(string name) =>
        $"{name,-34} top-1 {Top1,3}/{Total,-3} {Percent(Top1),5:0.0}%   top-3 {Top3,3}/{Total,-3} {Percent(Top3),5:0.0}%   " +
        $"{EncodeTime.TotalMilliseconds / Math.Max(1, Total):0.0} ms/message";

    private double Percent(int n) => 100.0 * n / Math.Max(1, Total);
}
