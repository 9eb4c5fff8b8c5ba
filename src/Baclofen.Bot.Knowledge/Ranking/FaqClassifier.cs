using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Search;

namespace Baclofen.Bot.Knowledge.Ranking;

/// <summary>
/// The learned stage of the ranking: a softmax classifier over FAQ entries, trained at index
/// build time on the FAQ itself. Every question of an entry is a labelled example, each keyword
/// a smaller one, each sentence of the answer a weak one. It learns which words tell entries
/// apart (BM25 only knows which words are rare), e.g. that "miss" points at missed-dose however
/// many other entries also say "dose".
/// </summary>
public sealed class FaqClassifier
{
    private readonly TextFeatures _features;
    private readonly SoftmaxRegression _model;

    /// <summary>A text as the classifier reads it: analyzed clauses and the typed words.</summary>
    public delegate (IReadOnlyList<QueryClause> Clauses, IReadOnlyList<string> Words) Reader(string text);

    private readonly Reader _read;

    public FaqClassifier(IReadOnlyList<FaqEntry> entries, Reader read, FaqClassifierOptions options)
    {
        _read = read;
        var vocabulary = new FeatureVocabulary();
        _features = new TextFeatures(vocabulary, options.Features);
        var examples = new List<SoftmaxRegression.Example>();
        for (var e = 0; e < entries.Count; e++)
        {
            foreach (var question in entries[e].Questions)
                AddExample(examples, question, e, 1.0);
            foreach (var keyword in entries[e].Keywords)
                AddExample(examples, keyword, e, options.KeywordWeight);
            foreach (var sentence in Sentences(entries[e].Answer))
                AddExample(examples, sentence, e, options.AnswerSentenceWeight);
        }
        vocabulary.Freeze();
        ExampleCount = examples.Count;
        _model = SoftmaxRegression.Train(examples, entries.Count, vocabulary.Count, options.Training);
    }

    public int ExampleCount { get; }

    public int FeatureCount => _features.Vocabulary.Count;

    private void AddExample(List<SoftmaxRegression.Example> examples, string text, int label, double weight)
    {
        if (weight <= 0) return;
        var (clauses, words) = _read(text);
        var (x, _) = _features.Featurize(clauses, words);
        if (x.Count > 0) examples.Add(new SoftmaxRegression.Example(x, label, weight));
    }

    /// <summary>P(entry | message) for every entry in catalog order, and the share of the
    /// message's terms no training text contains.</summary>
    public (double[] Probabilities, double UnseenTermShare) Predict(IReadOnlyList<QueryClause> clauses, IReadOnlyList<string> words)
    {
        var (x, unseen) = _features.Featurize(clauses, words);
        return (_model.Probabilities(x), unseen);
    }

    public (double[] Probabilities, double UnseenTermShare) Predict(string text)
    {
        var (clauses, words) = _read(text);
        return Predict(clauses, words);
    }

    private static IEnumerable<string> Sentences(string markdown) =>
        markdown.Split(['.', '!', '?', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.Length > 12);
}

/// <summary>How the classifier is trained; defaults measured on the dev set (tests/eval).</summary>
public sealed record FaqClassifierOptions
{
    public TextFeatureOptions Features { get; init; } = new();
    public SoftmaxRegression.TrainingOptions Training { get; init; } = new();
    public double KeywordWeight { get; init; } = 0.5;
    public double AnswerSentenceWeight { get; init; } = 0.2;
}
