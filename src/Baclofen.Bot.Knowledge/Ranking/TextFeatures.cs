using Baclofen.Bot.Knowledge.Search;

namespace Baclofen.Bot.Knowledge.Ranking;

/// <summary>
/// The classifier's view of a text, in three groups, each scaled to unit length then weighted:
/// analyzed terms (stems and synonym concepts, the same clauses BM25 sees), adjacent-term bigrams
/// (word order: "stop drinking" is not "drinking stopped" of a different entry), and character
/// 3–5-grams of the typed words, which survive misspellings the fuzzy stage does not repair; and,
/// weighted lightly, the function words the analysis drops, which say whom the message addresses
/// ("your hours", "do you take") more than what it is about.
/// Unit length per group keeps a long rambling message from out-voting a short one.
/// </summary>
public sealed class TextFeatures(FeatureVocabulary vocabulary, TextFeatureOptions options)
{
    public FeatureVocabulary Vocabulary { get; } = vocabulary;

    /// <summary>The features of one text, and the share of its term features the vocabulary lacks.</summary>
    public (SparseVector Vector, double UnseenTermShare) Featurize(IReadOnlyList<QueryClause> clauses, IReadOnlyList<string> words,
        IReadOnlyList<string>? functionWords = null)
    {
        var features = new Dictionary<int, float>();
        var unseen = 0;
        var terms = 0;

        var group = new Dictionary<int, float>();
        foreach (var clause in clauses)
        {
            terms++;
            var any = false;
            foreach (var alt in clause.Alternatives)
                any |= Add(group, FeatureGroup.Term, alt.Term, (float)alt.Weight);
            if (!any) unseen++;
        }
        Merge(features, group, options.TermWeight);

        group.Clear();
        for (var i = 1; i < clauses.Count; i++)
            foreach (var left in clauses[i - 1].Alternatives)
                foreach (var right in clauses[i].Alternatives)
                    Add(group, FeatureGroup.Bigram, string.Concat(left.Term, " ", right.Term), (float)(left.Weight * right.Weight));
        Merge(features, group, options.BigramWeight);

        group.Clear();
        Span<char> padded = stackalloc char[66];
        foreach (var word in words)
        {
            // Word boundaries are part of the n-grams ("<bac", "fen>"), as in fastText.
            var length = Math.Min(word.Length, padded.Length - 2);
            padded[0] = '<';
            word.AsSpan(0, length).CopyTo(padded[1..]);
            padded[length + 1] = '>';
            var text = padded[..(length + 2)];
            for (var n = options.MinCharGram; n <= options.MaxCharGram; n++)
                for (var s = 0; s + n <= text.Length; s++)
                    Add(group, FeatureGroup.CharGram, text.Slice(s, n), 1f);
        }
        Merge(features, group, options.CharGramWeight);

        group.Clear();
        foreach (var word in functionWords ?? [])
            Add(group, FeatureGroup.FunctionWord, word, 1f);
        Merge(features, group, options.FunctionWordWeight);

        return (SparseVector.From(features), terms == 0 ? 0 : (double)unseen / terms);
    }

    private bool Add(Dictionary<int, float> group, FeatureGroup kind, ReadOnlySpan<char> name, float value)
    {
        var id = Vocabulary.Id(kind, name);
        if (id < 0) return false;
        group[id] = Math.Max(group.GetValueOrDefault(id), value);
        return true;
    }

    private static void Merge(Dictionary<int, float> into, Dictionary<int, float> group, double weight)
    {
        if (group.Count == 0 || weight <= 0) return;
        double norm = 0;
        foreach (var v in group.Values) norm += v * v;
        var scale = (float)(weight / Math.Sqrt(norm));
        foreach (var (id, v) in group) into[id] = v * scale;
    }
}

/// <summary>Weights of the feature groups of <see cref="TextFeatures"/>.</summary>
public sealed record TextFeatureOptions(double TermWeight = 1.0, double BigramWeight = 0.5, double CharGramWeight = 0.5, int MinCharGram = 3, int MaxCharGram = 5, double FunctionWordWeight = 0.3);
