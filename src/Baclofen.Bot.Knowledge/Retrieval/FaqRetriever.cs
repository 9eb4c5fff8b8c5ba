using Baclofen.Bot.Knowledge.Analysis;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Search;

namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// BM25 retrieval over the FAQ with typo tolerance, synonyms and a calibrated confidence that
/// decides between answering, asking the user to choose, and the fallback.
/// </summary>
/// <remarks>
/// Query path: analyze up to stemming → replace terms the FAQ does not know by near vocabulary
/// terms (fuzzy) → synonyms → BM25 over entries and over single questions → blend, normalised by
/// the message's self-score → calibrate → decide. The catalog is indexed once in the constructor;
/// the retriever is immutable afterwards and safe to share between threads.
/// </remarks>
public sealed class FaqRetriever : IFaqRetriever
{
    private readonly RetrievalOptions _options;
    private readonly Analyzer _baseAnalyzer;
    private readonly SynonymFilter _synonyms;
    private readonly StopFilter _particles;
    private readonly FaqIndex _index;
    private readonly Bm25Searcher _entrySearcher;
    private readonly Bm25Searcher _questionSearcher;
    private readonly HashSet<string> _knownTerms;
    private readonly FuzzyQuery _fuzzy;
    private readonly ConfidenceCalibrator _calibrator;

    public FaqRetriever(FaqCatalog catalog, RetrievalOptions? options = null)
    {
        _options = options ?? new RetrievalOptions();
        _baseAnalyzer = EnglishFaqAnalyzer.CreateBase();
        var (rules, errors) = SynonymRuleParser.Parse(catalog.SynonymRules);
        if (errors.Count > 0)
            throw new ArgumentException("invalid synonym rule: " + errors[0].Message, nameof(catalog));
        _synonyms = new SynonymFilter(SynonymMap.Build(rules, _baseAnalyzer));
        Analyzer = EnglishFaqAnalyzer.Complete(_baseAnalyzer, _synonyms);
        _particles = new StopFilter(ParticleWords.Set);

        _index = new FaqIndex(catalog, Analyzer);
        var similarity = new BM25Similarity(_options.K1, _options.B);
        _entrySearcher = new Bm25Searcher(_index.Entry, similarity, new Dictionary<string, double>
        {
            [FaqIndex.QuestionsField] = _options.QuestionsBoost,
            [FaqIndex.AnswerField] = _options.AnswerBoost,
            [FaqIndex.KeywordsField] = _options.KeywordsBoost,
        });
        _questionSearcher = new Bm25Searcher(_index.Question, similarity, new Dictionary<string, double> { [FaqIndex.QuestionField] = 1.0 });

        _knownTerms = new HashSet<string>(_index.Entry.Vocabulary, StringComparer.Ordinal);
        _knownTerms.UnionWith(_synonyms.Map.InputTerms);
        _fuzzy = new FuzzyQuery(_knownTerms.Where(t => !t.StartsWith(SynonymMap.ConceptPrefix, StringComparison.Ordinal)),
            _options.FuzzyPrefixLength, oneEditFrom: _options.FuzzyOneEditMinLength, twoEditsFrom: _options.FuzzyTwoEditsMinLength);
        _calibrator = new ConfidenceCalibrator(_options);
        _anchorTerms = AnchorTerms(_index.Question);
    }

    /// <summary>
    /// The FAQ's subject, found from the data rather than named in code: terms in more than half of
    /// all questions ("baclofen" and what the synonyms fold into it). A message that never names
    /// the subject is more often about something else ("is tramadol addictive?").
    /// </summary>
    private static HashSet<string> AnchorTerms(InvertedIndex questions)
    {
        var field = questions.Field(FaqIndex.QuestionField);
        if (field is null) return [];
        return field.Terms.Where(t => field.DocFrequency(t) * 2 > field.DocCount).ToHashSet(StringComparer.Ordinal);
    }

    private readonly HashSet<string> _anchorTerms;

    /// <summary>Convenience: load and validate the FAQ directory, then index it.</summary>
    public static FaqRetriever FromDirectory(string faqDirectory, RetrievalOptions? options = null) =>
        new(FaqLoader.Load(faqDirectory), options);

    /// <summary>The full index-time analysis chain, synonyms included.</summary>
    public Analyzer Analyzer { get; }

    public RetrievalResult Retrieve(string text)
    {
        var ranked = Rank(text);
        if (ranked.Count == 0) return new RetrievalResult(RetrievalOutcome.Fallback, []);

        var best = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Confidence : 0;
        if (best.Confidence >= _options.AnswerThreshold && best.Confidence - runnerUp >= _options.AnswerMargin)
            return new RetrievalResult(RetrievalOutcome.Answer, [Scored(best)]);

        if (best.Confidence >= _options.ClarifyThreshold)
        {
            var choices = ranked
                .Take(_options.MaxClarifyCandidates)
                .Where((r, i) => i < 2 || r.Features.Score >= _options.ClarifyRelativeScore * best.Features.Score)
                .Where(r => r.Features.Score > 0)
                .Select(Scored)
                .ToList();
            return new RetrievalResult(RetrievalOutcome.Clarify, choices);
        }

        return new RetrievalResult(RetrievalOutcome.Fallback, []);
    }

    private static ScoredEntry Scored(RankedEntry r) => new(r.Entry, r.Confidence);

    /// <summary>One entry's place in a ranking, with the features its confidence came from.</summary>
    /// <param name="MatchedQuestion">The entry's phrasing closest to the message.</param>
    public sealed record RankedEntry(FaqEntry Entry, double Confidence, QueryFeatures Features, string MatchedQuestion);

    /// <summary>Every entry with a positive score, best first. For evaluation and calibration.</summary>
    public IReadOnlyList<RankedEntry> Rank(string text)
    {
        var terms = QueryClauses(text);
        if (terms.Count == 0) return [];
        var anchorMissing = _anchorTerms.Count > 0 && !terms.Any(c => c.Alternatives.Any(a => _anchorTerms.Contains(a.Term)));

        var (questionSelf, unknownFraction) = _questionSearcher.SelfScore(terms, FaqIndex.QuestionField, _knownTerms.Contains, _options.UnknownTermWeight);
        var (entrySelf, _) = _entrySearcher.SelfScore(terms, FaqIndex.QuestionsField, _knownTerms.Contains, _options.UnknownTermWeight);
        if (questionSelf <= 0 || entrySelf <= 0) return [];
        entrySelf *= _options.QuestionsBoost + _options.AnswerBoost;

        var entryScores = _entrySearcher.Score(terms);
        var questionScores = _questionSearcher.Score(terms);
        var bestQuestion = new double[entryScores.Length];
        var bestQuestionDoc = new int[entryScores.Length];
        for (var q = 0; q < questionScores.Length; q++)
        {
            var owner = _index.QuestionOwner[q];
            if (questionScores[q] <= bestQuestion[owner]) continue;
            bestQuestion[owner] = questionScores[q];
            bestQuestionDoc[owner] = q;
        }

        var alpha = _options.BestQuestionWeight;
        var blended = new List<(int Entry, double Score, double Question, double Whole)>();
        for (var e = 0; e < entryScores.Length; e++)
        {
            if (entryScores[e] <= 0 && bestQuestion[e] <= 0) continue;
            var question = bestQuestion[e] / questionSelf;
            var whole = entryScores[e] / entrySelf;
            blended.Add((e, alpha * question + (1 - alpha) * whole, question, whole));
        }
        blended.Sort((x, y) => y.Score.CompareTo(x.Score));
        // The leader of each ranking alone; when both pick the same entry the choice is far more
        // often right than when they disagree (a single phrasing matched by a side word).
        var questionLeader = blended.Count == 0 ? -1 : blended.MaxBy(b => b.Question).Entry;
        var entryLeader = blended.Count == 0 ? -1 : blended.MaxBy(b => b.Whole).Entry;

        var result = new List<RankedEntry>(blended.Count);
        for (var i = 0; i < blended.Count; i++)
        {
            var (e, score, question, whole) = blended[i];
            var other = i == 0 ? (blended.Count > 1 ? blended[1].Score : 0) : blended[0].Score;
            // Absolute, not relative: two weak matches far apart in ratio are still two weak matches.
            var margin = Math.Clamp(score - other, -1, 1);
            var agree = e == questionLeader && e == entryLeader;
            var features = new QueryFeatures(score, question, whole, margin, unknownFraction, anchorMissing, agree);
            result.Add(new RankedEntry(_index.Entries[e], _calibrator.Confidence(features), features, _index.QuestionText(bestQuestionDoc[e])));
        }
        return result;
    }

    /// <summary>The message as query clauses: one per position, holding the typed term, its typo
    /// corrections and its synonym concept as alternatives.</summary>
    public IReadOnlyList<QueryClause> QueryClauses(string text)
    {
        var corrected = new List<Token>();
        foreach (var token in _baseAnalyzer.Analyze(text))
        {
            if (_knownTerms.Contains(token.Term))
            {
                corrected.Add(token);
                continue;
            }
            var expansions = _fuzzy.Expand(token.Term);
            if (expansions.Count == 0)
                corrected.Add(token); // stays unknown: counts against the match in the self-score
            foreach (var expansion in expansions)
                corrected.Add(token with { Term = expansion.Term, Weight = token.Weight * expansion.Weight });
        }

        // Tokens at one position are alternatives of one word (the synonym filter puts a concept at
        // the position of the first word it replaces or joins; a negative contraction shares its
        // position with an auxiliary that the stop filter already removed).
        var clauses = new List<QueryClause>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in _particles.Apply(_synonyms.Apply(corrected)).GroupBy(t => t.Position).OrderBy(g => g.Key))
        {
            var alternatives = group
                .GroupBy(t => t.Term, StringComparer.Ordinal)
                .Select(g => new WeightedTerm(g.Key, g.Max(t => t.Weight)))
                .ToList();
            // The same word typed twice is asked once.
            if (!seen.Add(string.Join('|', alternatives.Select(a => a.Term).Order(StringComparer.Ordinal)))) continue;
            clauses.Add(new QueryClause(alternatives, ReferenceWeight: 1.0));
        }
        return clauses;
    }

    /// <summary>Flat view of <see cref="QueryClauses"/>, for diagnostics.</summary>
    public IReadOnlyList<WeightedTerm> QueryTerms(string text) => QueryClauses(text).SelectMany(c => c.Alternatives).ToList();
}
