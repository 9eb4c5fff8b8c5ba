using System.Buffers;
using Baclofen.Bot.Knowledge.Analysis;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Ranking;
using Baclofen.Bot.Knowledge.Search;

namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// BM25 retrieval over the FAQ with typo tolerance, synonyms and a calibrated confidence that
/// decides between answering, asking the user to choose, and the fallback.
/// </summary>
/// <remarks>
/// Query path: analyze up to stemming → replace terms the FAQ does not know by near vocabulary
/// terms (fuzzy) → synonyms → first stage: BM25 over entries and over single questions, blended
/// and normalised by the message's self-score → second stage: a softmax classifier trained on the
/// FAQ at build time (<see cref="FaqClassifier"/>), combined log-linearly with the BM25 score, the
/// best single clause's view of each entry (clause focus, for questions wrapped in context) and the
/// share of the message each entry leaves uncovered, into P(entry | message) → calibrate (probability plus out-of-scope signals: unknown and unseen words,
/// no mention of baclofen, another medicine named, words the entry never uses) → decide: answer,
/// clarify when a runner-up is nearly as probable (or when no entry alone but close entries together
/// are likely enough), or fall back. The catalog is indexed and the
/// classifier trained once in the constructor (deterministic, seeded); the retriever is immutable
/// afterwards and safe to share between threads.
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
        _foreignNames = ForeignNames(_synonyms.Map, _anchorTerms);
        // The typed words: the base chain up to (not including) the contraction filter, the same
        // tokenizer and filter instances, so Read tokenizes a message once for both views.
        if (_baseAnalyzer.Filters is not [LowerCaseFilter, EnglishPossessiveFilter, ..])
            throw new InvalidOperationException("The base analysis must begin with lower-casing and possessives, as the typed words do.");
        _allWords = new Analyzer(_baseAnalyzer.Tokenizer, [_baseAnalyzer.Filters[0], _baseAnalyzer.Filters[1]]);
        _coverage = Coverage(_index);
        _questionStart = QuestionStarts(_index);
        Classifier = new FaqClassifier(_index.Entries, catalog.OutOfScopeExamples, Read, _options.Classifier);
    }

    private readonly Analyzer _allWords;

    /// <summary>The learned second stage over the BM25 candidates.</summary>
    public FaqClassifier Classifier { get; }

    /// <summary>A text as the classifier reads it: the query clauses BM25 sees, the typed words
    /// (lower-cased, stop words out, not stemmed) for character n-grams, and the stop words.</summary>
    public ReadText Read(string text) => Read(text, ReadBuffers.Current.Analyzed);

    /// <summary><see cref="Read(string)"/>, leaving the base analysis of the text in
    /// <paramref name="analyzed"/> (what <c>_baseAnalyzer.Analyze(text)</c> gives) for a caller
    /// that needs it too.</summary>
    private ReadText Read(string text, List<Token> analyzed)
    {
        var typed = ReadBuffers.Current.Typed;
        typed.Clear();
        _allWords.Analyze(text, typed);
        var words = new List<string>(typed.Count);
        var functionWords = new List<string>();
        for (var i = 0; i < typed.Count; i++)
            (EnglishStopWords.Set.Contains(typed[i].Term) ? functionWords : words).Add(typed[i].Term);
        analyzed.Clear();
        _baseAnalyzer.Continue(typed, _allWords.Filters.Count, analyzed);
        return new ReadText(Clauses(analyzed), words, functionWords);
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

    /// <summary>
    /// Names of other medicines, found from the synonyms rather than listed in code: single words
    /// an explicit mapping rewrites to something that is not the subject ("tramadol => opioid",
    /// while "lioresal => baclofen" names the subject). A message about one of these that never
    /// names baclofen asks about that medicine, however well its other words match.
    /// </summary>
    private static HashSet<string> ForeignNames(SynonymMap map, HashSet<string> anchors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in map.InputTerms)
            foreach (var entry in map.StartingWith(term))
                if (entry.Input.Length == 1 && entry.Replacement is { } outputs && !outputs.Any(o => o.Any(anchors.Contains)))
                    names.Add(term);
        return names;
    }

    private readonly HashSet<string> _foreignNames;

    private bool NamesForeign(List<Token> analyzed)
    {
        foreach (var token in analyzed)
            if (_foreignNames.Contains(token.Term)) return true;
        return false;
    }

    /// <summary>Convenience: load and validate the FAQ directory, then index it.</summary>
    public static FaqRetriever FromDirectory(string faqDirectory, RetrievalOptions? options = null) =>
        new(FaqLoader.Load(faqDirectory), options);

    /// <summary>The full index-time analysis chain, synonyms included.</summary>
    public Analyzer Analyzer { get; }

    public RetrievalResult Retrieve(string text)
    {
        // The decision reads the leader, its runner-up and the clarify candidates: only those are built.
        var ranked = Rank(text, Math.Max(2, _options.MaxClarifyCandidates));
        if (ranked.Count == 0 || IsOutOfScope(ranked[0].Features))
            return new RetrievalResult(RetrievalOutcome.Fallback, []);

        var best = ranked[0];
        // Runners-up the re-ranker finds nearly as likely as the leader: only these make a
        // "did you mean" worth more than answering the leader.
        var close = ranked.Skip(1)
            .Take(_options.MaxClarifyCandidates - 1)
            .Where(r => r.Features.Probability >= _options.ClarifyCloseness * best.Features.Probability)
            .ToList();
        if (best.Confidence < _options.ClarifyThreshold)
        {
            // No single entry is likely enough to answer with, but when the message is split between
            // close entries the chance that one of them is right is the sum of their confidences:
            // offering them beats an "I don't know" that leaves the user with nothing.
            if (_options.ClarifyWhenSplit && close.Count > 0 && best.Confidence + close.Sum(Confidence) >= _options.ClarifyThreshold)
                return new RetrievalResult(RetrievalOutcome.Clarify, [Scored(best), .. close.Select(Scored)]);
            return new RetrievalResult(RetrievalOutcome.Fallback, []);
        }
        var runnerUp = ranked.Count > 1 ? ranked[1].Confidence : 0;
        var confident = best.Confidence >= _options.AnswerThreshold && best.Confidence - runnerUp >= _options.AnswerMargin;
        var unambiguous = close.Count == 0 && _options.AnswerMargin <= 0;
        if (confident || unambiguous)
            return new RetrievalResult(RetrievalOutcome.Answer, [Scored(best)]);

        if (close.Count == 0 && ranked.Count > 1) close.Add(ranked[1]);
        return new RetrievalResult(RetrievalOutcome.Clarify, [Scored(best), .. close.Select(Scored)]);
    }

    /// <summary>The None class holds at least <see cref="RetrievalOptions.OutOfScopeThreshold"/> of the
    /// classifier's mass: the message is more like the out-of-scope examples than like the whole FAQ.
    /// Vetoes even a confident answer, because a wrong medical answer costs more than an honest
    /// fallback. Not "None beats the leading entry": when the FAQ's mass is split between two close
    /// entries ("baclofen and zoloft": interactions, opioids) None would win against each alone.</summary>
    private bool IsOutOfScope(QueryFeatures best) => best.OutOfScope >= _options.OutOfScopeThreshold;

    private static ScoredEntry Scored(RankedEntry r) => new(r.Entry, r.Confidence);

    private static double Confidence(RankedEntry r) => r.Confidence;

    /// <summary>One entry's place in a ranking, with the features its confidence came from.</summary>
    /// <param name="MatchedQuestion">The entry's phrasing closest to the message.</param>
    public sealed record RankedEntry(FaqEntry Entry, double Confidence, QueryFeatures Features, string MatchedQuestion);

    /// <summary>Entries the re-ranker gives at least this probability are listed by <see cref="Rank"/>.</summary>
    private const double ListedProbability = 1e-3;

    /// <summary>Plausible entries, most probable first. For evaluation and calibration.</summary>
    /// <remarks>
    /// Two stages, as Lucene's learning-to-rank module re-scores a BM25 top-N: BM25 over entries
    /// and single questions gives each entry a lexical score; the classifier trained on the FAQ
    /// gives P(entry | message); the re-ranker combines them log-linearly. The FAQ is small
    /// enough that every entry is re-scored, so the first stage never hides the right one.
    /// </remarks>
    public IReadOnlyList<RankedEntry> Rank(string text) => Rank(text, int.MaxValue);

    /// <summary>The first <paramref name="limit"/> entries of <see cref="Rank(string)"/>, the same
    /// values: the features and calibration of the rest are not computed.</summary>
    private IReadOnlyList<RankedEntry> Rank(string text, int limit)
    {
        var analyzed = ReadBuffers.Current.Message;
        var read = Read(text, analyzed);
        var terms = read.Clauses;
        if (terms.Count == 0) return [];
        var contentTerms = 0;
        for (var i = 0; i < terms.Count; i++)
            if (!IsAnchor(terms[i])) contentTerms++;
        var anchorMissing = _anchorTerms.Count > 0 && contentTerms == terms.Count;
        // The read's own base analysis: the text is not analyzed a second time for this.
        var foreignName = anchorMissing && NamesForeign(analyzed);

        var (questionSelf, unknownFraction) = _questionSearcher.SelfScore(terms, FaqIndex.QuestionField, _knownTerms.Contains, _options.UnknownTermWeight);
        var (entrySelf, _) = _entrySearcher.SelfScore(terms, FaqIndex.QuestionsField, _knownTerms.Contains, _options.UnknownTermWeight);
        if (questionSelf <= 0 || entrySelf <= 0) return [];
        entrySelf *= _options.QuestionsBoost + _options.AnswerBoost;

        var entries = _index.Entries.Count;
        var buffers = RankBuffers.Take(entries);
        var entryScores = buffers.EntryScores;
        Array.Clear(entryScores);
        _entrySearcher.Score(terms, entryScores);
        var bestQuestion = buffers.BestQuestion;
        var bestQuestionDoc = buffers.BestQuestionDoc;
        var questionCount = _index.Question.DocCount;
        var pooled = ArrayPool<double>.Shared.Rent(questionCount);
        var questionScores = pooled.AsSpan(0, questionCount);
        questionScores.Clear();
        _questionSearcher.Score(terms, questionScores);
        for (var e = 0; e < entries; e++)
            (bestQuestion[e], bestQuestionDoc[e]) = BestQuestionOf(e, questionScores);
        ArrayPool<double>.Shared.Return(pooled);

        var alpha = _options.BestQuestionWeight;
        var question = buffers.Question;
        var whole = buffers.Whole;
        var lexical = buffers.Lexical;
        for (var e = 0; e < entries; e++)
        {
            question[e] = bestQuestion[e] / questionSelf;
            whole[e] = entryScores[e] / entrySelf;
            lexical[e] = alpha * question[e] + (1 - alpha) * whole[e];
        }
        // The leader of each lexical ranking alone; when both pick the same entry the choice is far
        // more often right than when they disagree (a single phrasing matched by a side word).
        var questionLeader = ArgMax(question);
        var entryLeader = ArgMax(whole);

        var classifier = buffers.Classifier;
        var (outOfScope, unseen) = Classifier.Predict(read, classifier);
        var probability = buffers.Probability;
        for (var e = 0; e < entries; e++)
            probability[e] = Math.Log(classifier[e] + 1e-9) + _options.RerankBm25Weight * lexical[e];
        if (_options.ClauseFocusWeight > 0) AddClauseFocus(text, probability, buffers);
        // An entry whose phrasings use more of the message's words explains more of it.
        var uncovered = buffers.Uncovered;
        Uncovered(terms, uncovered);
        for (var e = 0; e < entries; e++)
            probability[e] -= _options.RerankUncoveredWeight * uncovered[e];
        var max = probability.Max();
        double sum = 0;
        for (var e = 0; e < entries; e++) sum += probability[e] = Math.Exp(probability[e] - max);
        for (var e = 0; e < entries; e++) probability[e] /= sum;

        var order = ListedOrder(probability);
        var result = new List<RankedEntry>();
        for (var i = 0; i < order.Length && result.Count < limit; i++)
        {
            var e = order[i];
            if (i > 0 && probability[e] < ListedProbability) break;
            var other = order[i == 0 ? 1 : 0];
            // Absolute, not relative: two weak matches far apart in ratio are still two weak matches.
            var margin = Math.Clamp(lexical[e] - MaxExcept(lexical, e), -1, 1);
            var agree = e == questionLeader && e == entryLeader;
            var features = new QueryFeatures(lexical[e], question[e], whole[e], margin, unknownFraction, anchorMissing, agree,
                classifier[e], probability[e], probability[e] - probability[other], unseen, foreignName, uncovered[e], outOfScope, contentTerms);
            result.Add(new RankedEntry(_index.Entries[e], _calibrator.Confidence(features), features, _index.QuestionText(bestQuestionDoc[e])));
        }
        buffers.Release();
        return result;
    }

    /// <summary>
    /// The start of the ranking by probability (highest first, ties by catalog order) that
    /// <see cref="Rank"/> reads: the two leaders, then every entry listed at
    /// <see cref="ListedProbability"/> or more. The rest of the ~100 entries are never looked at,
    /// so they are not sorted; the order of the ones returned is the full sort's.
    /// </summary>
    private static int[] ListedOrder(double[] probability)
    {
        int first = -1, second = -1;
        var listed = 0;
        for (var e = 0; e < probability.Length; e++)
        {
            if (probability[e] >= ListedProbability) listed++;
            if (first < 0 || Before(e, first)) { second = first; first = e; }
            else if (second < 0 || Before(e, second)) second = e;
        }
        var order = new int[Math.Max(listed, 2)];
        var count = 0;
        for (var e = 0; e < probability.Length; e++)
        {
            if (e != first && e != second && probability[e] < ListedProbability) continue;
            // Insertion: the listed entries are few.
            var at = count++;
            while (at > 0 && Before(e, order[at - 1])) { order[at] = order[at - 1]; at--; }
            order[at] = e;
        }
        return count == order.Length ? order : order[..count];

        bool Before(int a, int b)
        {
            var c = probability[a].CompareTo(probability[b]);
            return c > 0 || (c == 0 && a < b);
        }
    }

    /// <summary>
    /// Adds, for each entry, the best log-score any one clause of the message gives it, weighted by
    /// <see cref="RetrievalOptions.ClauseFocusWeight"/>: an entry one clause asks about cleanly
    /// gains against one the context words happen to favour. Each clause is scored as the whole
    /// message is (classifier plus BM25 over single questions) and normalised over the entries, so
    /// a vague clause spreads its mass and moves little; clauses of fewer than
    /// <see cref="RetrievalOptions.ClauseFocusMinTerms"/> terms are not scored at all.
    /// </summary>
    private void AddClauseFocus(string text, double[] logScores, RankBuffers buffers)
    {
        var segments = MessageSegments.Split(text);
        if (segments.Count == 0) return;
        var best = buffers.FocusBest;
        Array.Fill(best, double.NegativeInfinity);
        var any = false;
        foreach (var segment in segments)
        {
            var read = Read(segment);
            if (read.Clauses.Count < _options.ClauseFocusMinTerms) continue;
            var (selfScore, _) = _questionSearcher.SelfScore(read.Clauses, FaqIndex.QuestionField, _knownTerms.Contains, _options.UnknownTermWeight);
            if (selfScore <= 0) continue;
            var lexical = buffers.FocusLexical;
            var questionCount = _index.Question.DocCount;
            var pooled = ArrayPool<double>.Shared.Rent(questionCount);
            var scores = pooled.AsSpan(0, questionCount);
            scores.Clear();
            _questionSearcher.Score(read.Clauses, scores);
            // The best question's score over the self-score: dividing by a positive number keeps
            // the order, so it is the best of the divided scores, as a per-question loop found it.
            for (var e = 0; e < lexical.Length; e++)
                lexical[e] = BestQuestionOf(e, scores).Score / selfScore;
            ArrayPool<double>.Shared.Return(pooled);
            var classifier = buffers.FocusClassifier;
            Classifier.Predict(read, classifier);
            var segmentScores = buffers.FocusScores;
            for (var e = 0; e < segmentScores.Length; e++)
                segmentScores[e] = Math.Log(classifier[e] + 1e-9) + _options.RerankBm25Weight * lexical[e];
            var max = segmentScores.Max();
            double sum = 0;
            foreach (var v in segmentScores) sum += Math.Exp(v - max);
            var log = Math.Log(sum) + max;
            for (var e = 0; e < best.Length; e++) best[e] = Math.Max(best[e], segmentScores[e] - log);
            any = true;
        }
        if (!any) return;
        for (var e = 0; e < logScores.Length; e++) logScores[e] += _options.ClauseFocusWeight * best[e];
    }

    /// <summary>For each entry, the share of the message's clauses, subject terms aside, that no
    /// question or keyword of the entry contains in any alternative.</summary>
    private void Uncovered(IReadOnlyList<QueryClause> clauses, double[] uncovered)
    {
        var entries = uncovered.Length;
        Span<int> missing = entries <= 1024 ? stackalloc int[entries] : new int[entries];
        missing.Clear();
        var total = 0;
        Span<ulong> covered = stackalloc ulong[(entries + 63) / 64];
        for (var c = 0; c < clauses.Count; c++)
        {
            var clause = clauses[c];
            if (IsAnchor(clause)) continue;
            total++;
            // The entries any alternative of the clause is in, looked up once per clause.
            covered.Clear();
            var alternatives = clause.Alternatives;
            for (var a = 0; a < alternatives.Count; a++)
                if (_coverage.TryGetValue(alternatives[a].Term, out var bits))
                    for (var w = 0; w < covered.Length; w++) covered[w] |= bits[w];
            for (var e = 0; e < entries; e++)
                if ((covered[e >> 6] & (1UL << e)) == 0) missing[e]++;
        }
        for (var e = 0; e < entries; e++) uncovered[e] = total == 0 ? 0 : (double)missing[e] / total;
    }

    private bool IsAnchor(QueryClause clause)
    {
        var alternatives = clause.Alternatives;
        for (var i = 0; i < alternatives.Count; i++)
            if (_anchorTerms.Contains(alternatives[i].Term)) return true;
        return false;
    }

    /// <summary>Term → the entries whose questions or keywords contain it: what
    /// <see cref="Uncovered"/> asks per clause and entry, looked up once instead of scanning the
    /// postings of two fields for every entry.</summary>
    private static Dictionary<string, ulong[]> Coverage(FaqIndex index)
    {
        var coverage = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
        var words = (index.Entries.Count + 63) / 64;
        foreach (var name in (string[])[FaqIndex.QuestionsField, FaqIndex.KeywordsField])
        {
            if (index.Entry.Field(name) is not { } field) continue;
            foreach (var term in field.Terms)
            {
                if (!coverage.TryGetValue(term, out var bits)) coverage[term] = bits = new ulong[words];
                foreach (var posting in field.Postings(term)) bits[posting.DocId >> 6] |= 1UL << posting.DocId;
            }
        }
        return coverage;
    }

    private readonly Dictionary<string, ulong[]> _coverage;

    /// <summary>Where each entry's question documents start; they are consecutive, entry by
    /// entry (<see cref="FaqIndex"/>), and the last slot is the end of the last entry's.</summary>
    private readonly int[] _questionStart;

    /// <summary>The entry's highest question score (0 when none is above 0) and the first question
    /// document with it (0 when none): what scanning every question with "a higher score replaces
    /// the best so far" gives.</summary>
    private (double Score, int Doc) BestQuestionOf(int entry, ReadOnlySpan<double> questionScores)
    {
        var start = _questionStart[entry];
        var scores = questionScores[start.._questionStart[entry + 1]];
        var max = 0.0;
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && scores.Length >= System.Numerics.Vector<double>.Count)
        {
            // Scores are finite and never negative, so a lane-wise maximum is the maximum.
            var lanes = System.Numerics.Vector<double>.Zero;
            for (; i <= scores.Length - System.Numerics.Vector<double>.Count; i += System.Numerics.Vector<double>.Count)
                lanes = System.Numerics.Vector.Max(lanes, new System.Numerics.Vector<double>(scores[i..]));
            for (var lane = 0; lane < System.Numerics.Vector<double>.Count; lane++) max = Math.Max(max, lanes[lane]);
        }
        for (; i < scores.Length; i++) max = Math.Max(max, scores[i]);
        return max > 0 ? (max, start + scores.IndexOf(max)) : (0, 0);
    }

    private static int[] QuestionStarts(FaqIndex index)
    {
        var owners = index.QuestionOwner;
        var entries = index.Entries.Count;
        var starts = new int[entries + 1];
        var q = 0;
        for (var e = 0; e < entries; e++)
        {
            starts[e] = q;
            while (q < owners.Count && owners[q] == e) q++;
        }
        starts[entries] = q;
        if (q != owners.Count)
            throw new InvalidOperationException("Question documents must be grouped entry by entry, in catalog order.");
        return starts;
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    private static double MaxExcept(double[] values, int except)
    {
        var max = 0.0;
        for (var i = 0; i < values.Length; i++) if (i != except && values[i] > max) max = values[i];
        return max;
    }

    /// <summary>The message as query clauses: one per position, holding the typed term, its typo
    /// corrections and its synonym concept as alternatives.</summary>
    public IReadOnlyList<QueryClause> QueryClauses(string text) => Clauses(_baseAnalyzer.Analyze(text));

    /// <summary><see cref="QueryClauses"/> from the base analysis of the text.</summary>
    private IReadOnlyList<QueryClause> Clauses(IReadOnlyList<Token> analyzed)
    {
        var buffers = ReadBuffers.Current;
        var corrected = buffers.Corrected;
        corrected.Clear();
        for (var t = 0; t < analyzed.Count; t++)
        {
            var token = analyzed[t];
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
        var synonymed = buffers.Synonymed;
        synonymed.Clear();
        _synonyms.Apply(corrected, synonymed);
        var tokens = buffers.Tokens;
        tokens.Clear();
        _particles.Apply(synonymed, tokens);
        var order = PositionOrder(tokens, buffers);

        var clauses = new List<QueryClause>();
        var seen = buffers.ClauseKeys;
        seen.Clear();
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && tokens[order[end]].Position == tokens[order[start]].Position) end++;
            // One alternative per distinct term, in order of first appearance, at its highest weight.
            var alternatives = new List<WeightedTerm>(end - start);
            for (var k = start; k < end; k++)
            {
                var token = tokens[order[k]];
                var at = alternatives.Count - 1;
                while (at >= 0 && !string.Equals(alternatives[at].Term, token.Term, StringComparison.Ordinal)) at--;
                if (at < 0) alternatives.Add(new WeightedTerm(token.Term, token.Weight));
                else if (token.Weight > alternatives[at].Weight) alternatives[at] = new WeightedTerm(token.Term, token.Weight);
            }
            start = end;
            // The same word typed twice is asked once.
            var key = ClauseKey(alternatives);
            if (seen.Contains(key)) continue;
            seen.Add(key);
            clauses.Add(new QueryClause(alternatives, ReferenceWeight: 1.0));
        }
        return clauses;
    }

    /// <summary>
    /// The tokens' indices by position, each position's tokens in stream order (a stable sort),
    /// so every position's tokens are adjacent: the clauses in position order, as grouping did.
    /// The stream is almost always in position order already (synonyms, corrections and
    /// contractions add tokens at the position they stand for), and then the order is the
    /// stream's own, which is what the sort gives for it, without sorting.
    /// </summary>
    private static ReadOnlySpan<int> PositionOrder(List<Token> tokens, ReadBuffers buffers)
    {
        var count = tokens.Count;
        if (buffers.Order.Length < count)
        {
            buffers.Order = new int[Math.Max(count, buffers.Order.Length * 2)];
            buffers.Keys = new long[buffers.Order.Length];
        }
        var order = buffers.Order.AsSpan(0, count);
        var sorted = true;
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
            if (i > 0 && tokens[i].Position < tokens[i - 1].Position) sorted = false;
        }
        if (sorted) return order;
        var keys = buffers.Keys.AsSpan(0, count);
        for (var i = 0; i < count; i++) keys[i] = ((long)tokens[i].Position << 32) | (uint)i;
        keys.Sort();
        for (var i = 0; i < count; i++) order[i] = (int)(uint)keys[i];
        return order;
    }

    /// <summary>The clause's terms in ordinal order joined by '|': equal for the same word typed twice.</summary>
    private static string ClauseKey(List<WeightedTerm> alternatives)
    {
        if (alternatives.Count == 1) return alternatives[0].Term;
        var terms = new string[alternatives.Count];
        for (var i = 0; i < terms.Length; i++) terms[i] = alternatives[i].Term;
        Array.Sort(terms, StringComparer.Ordinal);
        return string.Join('|', terms);
    }

    /// <summary>Flat view of <see cref="QueryClauses"/>, for diagnostics.</summary>
    public IReadOnlyList<WeightedTerm> QueryTerms(string text) => QueryClauses(text).SelectMany(c => c.Alternatives).ToList();
}
