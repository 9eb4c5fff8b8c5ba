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
        Score(clauses, scores);
        return scores;
    }

    /// <summary>Adds every document's score into <paramref name="scores"/> (length <see cref="InvertedIndex.DocCount"/>, zeroed).</summary>
    /// <remarks>
    /// Sparse: only documents in a term's postings are touched, through per-thread scratch arrays
    /// that are returned to zero after each use. A query touches a few dozen of the ~1000 question
    /// documents, so clearing and scanning dense arrays per clause and per term was most of the
    /// cost. Every document's score is the same sequence of additions and maxima as the dense
    /// form (adding the 0 of an untouched document changes nothing), so the results are identical.
    /// </remarks>
    public void Score(IReadOnlyList<QueryClause> clauses, Span<double> scores)
    {
        var scratch = Scratch.For(Index.DocCount);
        var termScores = scratch.Term;
        var clauseScores = scratch.Clause;
        var termTouched = scratch.TermTouched;
        var clauseTouched = scratch.ClauseTouched;
        if (Index.DocCount <= ScanAllBelow)
        {
            ScoreByScanning(clauses, scores, termScores, clauseScores);
            scratch.Release();
            return;
        }
        // Indexed loops: the lists are interfaces, and foreach would box an enumerator per clause.
        for (var c = 0; c < clauses.Count; c++)
        {
            var clause = clauses[c];
            if (clause.Alternatives.Count == 1)
            {
                AddSingleTermClause(clause.Alternatives[0], scores, termScores, termTouched);
                continue;
            }
            clauseTouched.Clear();
            for (var a = 0; a < clause.Alternatives.Count; a++)
            {
                var alternative = clause.Alternatives[a];
                termTouched.Clear();
                if (!AddTermScores(alternative, termScores, termTouched)) continue;
                // A document in two fields' postings is listed twice: the max is idempotent and its
                // slot is zero after the first visit.
                foreach (var d in termTouched)
                {
                    if (termScores[d] > clauseScores[d]) clauseScores[d] = termScores[d];
                    termScores[d] = 0;
                    clauseTouched.Add(d);
                }
            }
            foreach (var d in clauseTouched)
            {
                scores[d] += clauseScores[d];
                clauseScores[d] = 0;
            }
        }
        scratch.Release();
    }

    /// <summary>Up to this many documents (the entry index: one per FAQ entry) a pass over
    /// every document is cheaper than listing the ones a term touches.</summary>
    private const int ScanAllBelow = 128;

    /// <summary>
    /// <see cref="Score(IReadOnlyList{QueryClause}, Span{double})"/> for a small index: the same
    /// steps on the same slots, each "for every document touched" done as "for every document".
    /// A document a term does not touch has 0 in the term and clause slots, where the touched
    /// form's max and zeroing leave it unchanged and adding it changes no score (scores are never
    /// −0), and a document listed twice was only ever acted on at its first visit; so every
    /// document's score is the same sequence of additions.
    /// </summary>
    private void ScoreByScanning(IReadOnlyList<QueryClause> clauses, Span<double> scores, double[] termScores, double[] clauseScores)
    {
        var docs = Index.DocCount;
        for (var c = 0; c < clauses.Count; c++)
        {
            var alternatives = clauses[c].Alternatives;
            if (alternatives.Count == 1)
            {
                if (!AddTermScores(alternatives[0], termScores, touched: null)) continue;
                for (var d = 0; d < docs; d++)
                {
                    if (termScores[d] > 0) scores[d] += termScores[d];
                    termScores[d] = 0;
                }
                continue;
            }
            for (var a = 0; a < alternatives.Count; a++)
            {
                if (!AddTermScores(alternatives[a], termScores, touched: null)) continue;
                for (var d = 0; d < docs; d++)
                {
                    if (termScores[d] > clauseScores[d]) clauseScores[d] = termScores[d];
                    termScores[d] = 0;
                }
            }
            for (var d = 0; d < docs; d++)
            {
                scores[d] += clauseScores[d];
                clauseScores[d] = 0;
            }
        }
    }

    /// <summary>
    /// A clause of one term (most of them): its best alternative is that term, so the clause
    /// buffer is skipped. The additions are the ones the general path makes: a document's term
    /// score is summed over the fields first, then added to its total only when above zero (the
    /// general path's max with the zeroed clause slot). In a single field each document is
    /// listed once and its term score is the one product, so it goes straight into the total.
    /// </summary>
    private void AddSingleTermClause(WeightedTerm term, Span<double> scores, double[] termScores, List<int> touched)
    {
        if (!Table().TryGetValue(term.Term, out var fields)) return;
        if (fields.Length == 1)
        {
            var field = fields[0];
            var weight = field.Boost * term.Weight * field.Idf;
            if (field.DenseNorms is { } dense && dense.Length == scores.Length && weight > 0)
            {
                AddDense(scores, weight, dense);
                return;
            }
            var docs = field.Docs;
            var norms = field.TermFrequencyNorms;
            for (var i = 0; i < docs.Length; i++)
            {
                // 0 + x is x: the general path's term slot starts at zero.
                var score = weight * norms[i];
                if (score > 0) scores[docs[i]] += score;
            }
            return;
        }
        touched.Clear();
        AddTermScores(term, termScores, touched);
        foreach (var d in touched)
        {
            if (termScores[d] > 0) scores[d] += termScores[d];
            termScores[d] = 0;
        }
    }

    /// <summary>
    /// scores[d] += weight · dense[d] for every document, a vector at a time. A term in a large
    /// share of the documents ("baclofen" is in most questions) is cheaper to add densely than
    /// posting by posting. For a document without the term dense[d] is 0 and adding weight · 0 = +0
    /// leaves its score as it was (scores are never −0); for the others the product is the
    /// posting path's, added separately (no fused multiply-add), so every score is the same.
    /// </summary>
    private static void AddDense(Span<double> scores, double weight, double[] dense)
    {
        var d = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var w = new System.Numerics.Vector<double>(weight);
            for (; d <= scores.Length - System.Numerics.Vector<double>.Count; d += System.Numerics.Vector<double>.Count)
            {
                var target = scores.Slice(d, System.Numerics.Vector<double>.Count);
                var product = w * new System.Numerics.Vector<double>(dense, d);
                (new System.Numerics.Vector<double>(target) + product).CopyTo(target);
            }
        }
        for (; d < scores.Length; d++) scores[d] += weight * dense[d];
    }

    /// <summary>Adds one term's BM25 contribution over the boosted fields into <paramref name="perDoc"/>,
    /// listing the documents touched; false when no field contains the term.</summary>
    private bool AddTermScores(WeightedTerm term, double[] perDoc, List<int>? touched)
    {
        if (!Table().TryGetValue(term.Term, out var fields)) return false;
        foreach (var field in fields)
        {
            var weight = field.Boost * term.Weight * field.Idf;
            var docs = field.Docs;
            var norms = field.TermFrequencyNorms;
            for (var i = 0; i < docs.Length; i++)
            {
                perDoc[docs[i]] += weight * norms[i];
                touched?.Add(docs[i]);
            }
        }
        return true;
    }

    /// <summary>One term's postings in one boosted field, with what BM25 needs of them computed
    /// once: the field's idf of the term and each posting's length-normalised term frequency
    /// (the same calls on the same numbers as scoring used to make per query, so the same values).</summary>
    /// <param name="DenseNorms">For a term in at least a quarter of the documents: its norms by
    /// document (0 where absent), for <see cref="AddDense"/>; otherwise null.</param>
    private sealed record FieldPostings(double Boost, double Idf, int[] Docs, double[] TermFrequencyNorms, double[]? DenseNorms);

    // A reference, so a thread that builds it publishes it whole to the others.
    private sealed record PostingsTable(int DocCount, Dictionary<string, FieldPostings[]> Terms);

    private PostingsTable? _table;

    /// <summary>Term → its postings per boosted field, in the order of the boosts. Built on first
    /// use and again if documents were added since (the index is read-only once the FAQ is indexed).</summary>
    private Dictionary<string, FieldPostings[]> Table()
    {
        if (_table is { } built && built.DocCount == Index.DocCount) return built.Terms;
        var docCount = Index.DocCount;
        var terms = new Dictionary<string, List<FieldPostings>>(StringComparer.Ordinal);
        foreach (var (fieldName, boost) in fieldBoosts)
        {
            if (Index.Field(fieldName) is not { DocCount: > 0 } field) continue;
            foreach (var term in field.Terms)
            {
                var postings = field.Postings(term);
                if (postings.Count == 0) continue;
                var docs = new int[postings.Count];
                var norms = new double[postings.Count];
                for (var i = 0; i < postings.Count; i++)
                {
                    docs[i] = postings[i].DocId;
                    norms[i] = similarity.TermFrequencyNorm(postings[i].Frequency, field.Length(postings[i].DocId), field.AverageLength);
                }
                double[]? dense = null;
                if (postings.Count * 4 >= docCount)
                {
                    dense = new double[docCount];
                    for (var i = 0; i < docs.Length; i++) dense[docs[i]] = norms[i];
                }
                if (!terms.TryGetValue(term, out var list)) terms[term] = list = [];
                list.Add(new FieldPostings(boost, BM25Similarity.Idf(postings.Count, field.DocCount), docs, norms, dense));
            }
        }
        var table = terms.ToDictionary(t => t.Key, t => t.Value.ToArray(), StringComparer.Ordinal);
        _table = new PostingsTable(docCount, table);
        return table;
    }

    /// <summary>Per-thread dense buffers, all zero between uses; a use that did not finish
    /// (an exception) leaves them dirty, and the next use clears them.</summary>
    private sealed class Scratch
    {
        [ThreadStatic] private static Scratch? _current;

        public double[] Term = [];
        public double[] Clause = [];
        public readonly List<int> TermTouched = [];
        public readonly List<int> ClauseTouched = [];
        private bool _inUse;

        public static Scratch For(int docCount)
        {
            var scratch = _current ??= new Scratch();
            if (scratch._inUse || scratch.Term.Length < docCount)
            {
                scratch.Term = new double[docCount];
                scratch.Clause = new double[docCount];
            }
            scratch._inUse = true;
            return scratch;
        }

        public void Release() => _inUse = false;
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
        for (var c = 0; c < clauses.Count; c++)
        {
            var clause = clauses[c];
            // The highest document frequency and the highest idf among the alternatives that
            // occur (an absent one counts 0), each alternative's frequency looked up once.
            var df = int.MinValue;
            var idf = double.MinValue;
            var known = false;
            for (var i = 0; i < clause.Alternatives.Count; i++)
            {
                var frequency = field.DocFrequency(clause.Alternatives[i].Term);
                df = Math.Max(df, frequency);
                var termIdf = BM25Similarity.Idf(Math.Max(frequency, 0), field.DocCount) * (frequency > 0 ? 1 : 0);
                if (termIdf > idf) idf = termIdf;
            }
            if (df > 0)
            {
                total += clause.ReferenceWeight * idf * tfNorm;
                continue;
            }
            for (var i = 0; i < clause.Alternatives.Count; i++)
                if (isKnown(clause.Alternatives[i].Term)) { known = true; break; }
            var contribution = clause.ReferenceWeight * BM25Similarity.Idf(known ? 1 : 0, field.DocCount) * tfNorm * (known ? 1 : unknownWeight);
            total += contribution;
            if (!known) unknown += contribution;
        }
        return (total, total > 0 ? unknown / total : 0);
    }
}
