namespace Baclofen.Bot.Knowledge.Search;

/// <summary>
/// Scores every document of an <see cref="InvertedIndex"/> for a query of clauses over boosted
/// fields: within a clause the best alternative counts, clauses add up, as a Lucene BooleanQuery
/// of SHOULD SynonymQuery clauses. Also gives the query's self-score, the reference that makes
/// scores comparable across queries.
/// </summary>
public sealed class Bm25Searcher(InvertedIndex index, BM25Similarity similarity, IReadOnlyDictionary<string, double> fieldBoosts)
{
    public InvertedIndex Index { get; } = index;

    public double[] Score(IReadOnlyList<QueryClause> clauses)
    {
        var scores = new double[Index.DocCount];
        var clauseScores = new double[Index.DocCount];
        foreach (var clause in clauses)
        {
            Array.Clear(clauseScores);
            foreach (var alternative in clause.Alternatives)
                foreach (var (docId, score) in TermScores(alternative))
                    clauseScores[docId] = Math.Max(clauseScores[docId], score);
            for (var d = 0; d < scores.Length; d++) scores[d] += clauseScores[d];
        }
        return scores;
    }

    /// <summary>Sum over the boosted fields of one term's BM25 contribution, per matching document.</summary>
    private IEnumerable<(int DocId, double Score)> TermScores(WeightedTerm term)
    {
        var perDoc = new Dictionary<int, double>();
        foreach (var (fieldName, boost) in fieldBoosts)
        {
            if (Index.Field(fieldName) is not { DocCount: > 0 } field) continue;
            var postings = field.Postings(term.Term);
            if (postings.Count == 0) continue;
            var weight = boost * term.Weight * BM25Similarity.Idf(postings.Count, field.DocCount);
            foreach (var posting in postings)
            {
                var score = weight * similarity.TermFrequencyNorm(posting.Frequency, field.Length(posting.DocId), field.AverageLength);
                perDoc[posting.DocId] = perDoc.GetValueOrDefault(posting.DocId) + score;
            }
        }
        return perDoc.Select(kv => (kv.Key, kv.Value));
    }

    /// <summary>
    /// What a document of average length made of exactly the query's words would score in the
    /// reference field. A clause no document contains counts at <paramref name="unknownWeight"/> ×
    /// the idf of an unseen term, or, when the word exists elsewhere in the FAQ (answer text
    /// only), at the idf of a term seen once. Also returns the share due to unseen words.
    /// </summary>
    public (double SelfScore, double UnknownFraction) SelfScore(IReadOnlyList<QueryClause> clauses, string referenceField, Func<string, bool> isKnown, double unknownWeight)
    {
        if (Index.Field(referenceField) is not { DocCount: > 0 } field || clauses.Count == 0) return (0, 0);
        var tfNorm = similarity.TermFrequencyNorm(1, field.AverageLength, field.AverageLength);
        double total = 0, unknown = 0;
        foreach (var clause in clauses)
        {
            var df = clause.Alternatives.Max(a => field.DocFrequency(a.Term));
            if (df > 0)
            {
                var idf = clause.Alternatives.Max(a => BM25Similarity.Idf(Math.Max(field.DocFrequency(a.Term), 0), field.DocCount) * (field.DocFrequency(a.Term) > 0 ? 1 : 0));
                total += clause.ReferenceWeight * idf * tfNorm;
                continue;
            }
            var known = clause.Alternatives.Any(a => isKnown(a.Term));
            var contribution = clause.ReferenceWeight * BM25Similarity.Idf(known ? 1 : 0, field.DocCount) * tfNorm * (known ? 1 : unknownWeight);
            total += contribution;
            if (!known) unknown += contribution;
        }
        return (total, total > 0 ? unknown / total : 0);
    }
}
