namespace Baclofen.Bot.Knowledge.Search;

/// <summary>
/// Scores every document of an <see cref="InvertedIndex"/> for a bag of weighted terms over
/// boosted fields, the way a Lucene BooleanQuery of SHOULD TermQuery clauses sums its clauses.
/// Also gives the query's self-score, the reference that makes scores comparable across queries.
/// </summary>
public sealed class Bm25Searcher(InvertedIndex index, BM25Similarity similarity, IReadOnlyDictionary<string, double> fieldBoosts)
{
    public InvertedIndex Index { get; } = index;

    public double[] Score(IReadOnlyList<WeightedTerm> terms)
    {
        var scores = new double[Index.DocCount];
        foreach (var (fieldName, boost) in fieldBoosts)
        {
            if (Index.Field(fieldName) is not { DocCount: > 0 } field) continue;
            foreach (var term in terms)
            {
                var postings = field.Postings(term.Term);
                if (postings.Count == 0) continue;
                var weight = boost * term.Weight * BM25Similarity.Idf(postings.Count, field.DocCount);
                foreach (var posting in postings)
                    scores[posting.DocId] += weight * similarity.TermFrequencyNorm(posting.Frequency, field.Length(posting.DocId), field.AverageLength);
            }
        }
        return scores;
    }

    /// <summary>
    /// What a document made of exactly the query's terms would score in the reference field, with
    /// terms the field never saw at (<paramref name="unknownWeight"/> ×) the idf of an unseen term.
    /// Also returns the share of that self-score due to unseen terms.
    /// </summary>
    public (double SelfScore, double UnknownFraction) SelfScore(IReadOnlyList<WeightedTerm> terms, string referenceField, Func<string, bool> isKnown, double unknownWeight)
    {
        if (Index.Field(referenceField) is not { DocCount: > 0 } field || terms.Count == 0) return (0, 0);
        var tfNorm = similarity.TermFrequencyNorm(1, terms.Count, field.AverageLength);
        double total = 0, unknown = 0;
        foreach (var term in terms)
        {
            var df = field.DocFrequency(term.Term);
            if (df > 0)
            {
                total += term.Weight * BM25Similarity.Idf(df, field.DocCount) * tfNorm;
            }
            else
            {
                // Known elsewhere (answer text only): idf of a term in one document of this field.
                var known = isKnown(term.Term);
                var contribution = term.Weight * BM25Similarity.Idf(known ? 1 : 0, field.DocCount) * tfNorm * (known ? 1 : unknownWeight);
                total += contribution;
                if (!known) unknown += contribution;
            }
        }
        return (total, total > 0 ? unknown / total : 0);
    }
}
