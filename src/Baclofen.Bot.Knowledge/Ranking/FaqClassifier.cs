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
/// <remarks>
/// One class more than there are entries: "None", trained on the FAQ's out-of-scope examples
/// (faq/out-of-scope.txt), as LUIS/CLU and Rasa train a None intent. Without it a softmax over
/// entries must spread all its mass over entries, so "what are your opening hours?" looks like a
/// question about how many hours baclofen lasts; with it, words like "clinic", "appointment" or
/// the name of another medicine earn weight against every entry.
/// </remarks>
public sealed class FaqClassifier
{
    private readonly TextFeatures _features;
    private readonly SoftmaxRegression _model;

    /// <summary>A text as the classifier reads it: analyzed clauses, the typed content words and the
    /// function words the analysis drops.</summary>
    public delegate ReadText Reader(string text);

    private readonly Reader _read;

    public FaqClassifier(IReadOnlyList<FaqEntry> entries, IReadOnlyList<string> outOfScope, Reader read, FaqClassifierOptions options)
    {
        _entries = entries.Count;
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
        foreach (var example in outOfScope)
            AddExample(examples, example, _entries, options.OutOfScopeWeight);
        vocabulary.Freeze();
        ExampleCount = examples.Count;
        _model = SoftmaxRegression.Train(examples, _entries + 1, vocabulary.Count, options.Training);
    }

    private readonly int _entries;

    public int ExampleCount { get; }

    public int FeatureCount => _features.Vocabulary.Count;

    private void AddExample(List<SoftmaxRegression.Example> examples, string text, int label, double weight)
    {
        if (weight <= 0) return;
        var read = _read(text);
        var (x, _) = _features.Featurize(read.Clauses, read.Words, read.FunctionWords);
        if (x.Count > 0) examples.Add(new SoftmaxRegression.Example(x, label, weight));
    }

    public Prediction Predict(ReadText read)
    {
        var (x, unseen) = _features.Featurize(read.Clauses, read.Words, read.FunctionWords);
        var p = _model.Probabilities(x);
        return new Prediction(p[.._entries], p[_entries], unseen);
    }

    public Prediction Predict(string text) => Predict(_read(text));

    /// <summary><see cref="Predict(ReadText)"/> into a caller's buffer (one slot per entry), for the
    /// ranking, which predicts for every message and clause: the same values, no arrays allocated.</summary>
    internal (double OutOfScope, double UnseenTermShare) Predict(ReadText read, Span<double> probabilities)
    {
        var (x, unseen) = _features.Featurize(read.Clauses, read.Words, read.FunctionWords);
        Span<float> p = stackalloc float[_model.Classes];
        _model.Probabilities(x, p);
        for (var c = 0; c < _entries; c++) probabilities[c] = p[c];
        return (p[_entries], unseen);
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

    /// <summary>Weight of each out-of-scope example in the None class, as a question's. Measured on
    /// the dev set: 0.5 leaves None too weak to veto clinic questions, 2 starts to take vague
    /// in-scope messages; the calibration then decides with the None share as one input.</summary>
    public double OutOfScopeWeight { get; init; } = 1.0;
}

/// <summary>A text as the classifier reads it.</summary>
/// <param name="Clauses">The query clauses BM25 sees (stems, typo corrections, synonym concepts).</param>
/// <param name="Words">The typed content words, lower-cased, for character n-grams.</param>
/// <param name="FunctionWords">The words the stop filter drops ("your", "you", "we"): no use for
/// telling entries apart, but "what are your hours" addresses the clinic, not the medicine.</param>
public sealed record ReadText(IReadOnlyList<QueryClause> Clauses, IReadOnlyList<string> Words, IReadOnlyList<string> FunctionWords);

/// <summary>What the classifier makes of one message.</summary>
/// <param name="Probabilities">P(entry | message) for every entry in catalog order; with the None
/// class they sum to 1 − <paramref name="OutOfScope"/>.</param>
/// <param name="OutOfScope">P(None | message): the message is like the FAQ's out-of-scope examples.</param>
/// <param name="UnseenTermShare">Share of the message's terms no training text contains.</param>
public sealed record Prediction(double[] Probabilities, double OutOfScope, double UnseenTermShare);
