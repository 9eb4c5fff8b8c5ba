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
        var termScores = new double[Index.DocCount];
        foreach (var clause in clauses)
        {
            Array.Clear(clauseScores);
            foreach (var alternative in clause.Alternatives)
            {
                Array.Clear(termScores);
                if (!AddTermScores(alternative, termScores)) continue;
                for (var d = 0; d < termScores.Length; d++)
                    if (termScores[d] > clauseScores[d]) clauseScores[d] = termScores[d];
            }
            for (var d = 0; d < scores.Length; d++) scores[d] += clauseScores[d];
        }
        return scores;
    }

    /// <summary>Adds one term's BM25 contribution over the boosted fields into <paramref name="perDoc"/>;
    /// false when no field contains the term.</summary>
    private bool AddTermScores(WeightedTerm term, double[] perDoc)
    {
        var any = false;
        foreach (var (fieldName, boost) in fieldBoosts)
        {
            if (Index.Field(fieldName) is not { DocCount: > 0 } field) continue;
            var postings = field.Postings(term.Term);
            if (postings.Count == 0) continue;
            any = true;
            var weight = boost * term.Weight * BM25Similarity.Idf(postings.Count, field.DocCount);
            for (var i = 0; i < postings.Count; i++)
            {
                var posting = postings[i];
                perDoc[posting.DocId] += weight * similarity.TermFrequencyNorm(posting.Frequency, field.Length(posting.DocId), field.AverageLength);
            }
        }
        return any;
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
