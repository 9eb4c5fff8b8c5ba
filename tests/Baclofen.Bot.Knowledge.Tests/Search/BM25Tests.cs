using Baclofen.Bot.Knowledge.Analysis;
using Baclofen.Bot.Knowledge.Search;

namespace Baclofen.Bot.Knowledge.Tests.Search;

public class BM25Tests
{
    private static readonly Analyzer Analyzer = EnglishFaqAnalyzer.CreateBase();

    private static (InvertedIndex Index, double[] Scores) Search(string query, params string[] docs)
    {
        var index = new InvertedIndex();
        foreach (var doc in docs)
            index.Add(new Dictionary<string, IReadOnlyList<Token>> { ["body"] = Analyzer.Analyze(doc) });
        var searcher = new Bm25Searcher(index, new BM25Similarity(), new Dictionary<string, double> { ["body"] = 1 });
        var terms = Analyzer.Terms(query).Select(t => QueryClause.Single(t)).ToList();
        return (index, searcher.Score(terms));
    }

    [Fact]
    public void Idf_follows_lucene_and_never_goes_negative()
    {
        Assert.Equal(Math.Log(1 + (10 - 1 + 0.5) / 1.5), BM25Similarity.Idf(1, 10), 12);
        Assert.True(BM25Similarity.Idf(10, 10) > 0);
        Assert.True(BM25Similarity.Idf(1, 10) > BM25Similarity.Idf(5, 10));
    }

    [Fact]
    public void Rare_terms_outweigh_common_ones()
    {
        var (_, scores) = Search("baclofen kidney",
            "baclofen and the liver",
            "baclofen and the kidney",
            "baclofen dose",
            "baclofen forms");
        Assert.Equal(1, Array.IndexOf(scores, scores.Max()));
    }

    [Fact]
    public void Shorter_documents_win_for_the_same_term_frequency()
    {
        var (_, scores) = Search("withdrawal",
            "withdrawal symptoms can include fever seizures confusion agitation tremors insomnia",
            "withdrawal symptoms",
            "dose");
        Assert.True(scores[1] > scores[0]);
        Assert.Equal(0, scores[2]);
    }

    [Fact]
    public void Term_frequency_saturates()
    {
        var similarity = new BM25Similarity();
        var once = similarity.TermFrequencyNorm(1, 10, 10);
        var twice = similarity.TermFrequencyNorm(2, 10, 10);
        var tenTimes = similarity.TermFrequencyNorm(10, 10, 10);
        Assert.True(twice > once);
        Assert.True(twice - once > tenTimes - similarity.TermFrequencyNorm(9, 10, 10));
        Assert.True(tenTimes < 1);
    }

    [Fact]
    public void Matching_more_query_terms_ranks_higher()
    {
        var (_, scores) = Search("stop baclofen suddenly",
            "can I stop baclofen suddenly",
            "can I stop baclofen",
            "what is baclofen");
        Assert.True(scores[0] > scores[1]);
        Assert.True(scores[1] > scores[2]);
    }

    [Fact]
    public void Postings_record_frequency_per_document()
    {
        var (index, _) = Search("x", "dose dose dose", "dose");
        var postings = index.Field("body")!.Postings("dose");
        Assert.Equal([new Posting(0, 3), new Posting(1, 1)], postings);
    }

    [Fact]
    public void Alternatives_in_one_clause_count_once_not_twice()
    {
        var index = new InvertedIndex();
        index.Add(new Dictionary<string, IReadOnlyList<Token>> { ["body"] = Analyzer.Analyze("booze alcohol") });
        index.Add(new Dictionary<string, IReadOnlyList<Token>> { ["body"] = Analyzer.Analyze("water") });
        var searcher = new Bm25Searcher(index, new BM25Similarity(), new Dictionary<string, double> { ["body"] = 1 });
        var both = searcher.Score([new QueryClause([new WeightedTerm("booz", 1), new WeightedTerm("alcohol", 1)])])[0];
        var one = searcher.Score([QueryClause.Single("alcohol")])[0];
        var separate = searcher.Score([QueryClause.Single("booz"), QueryClause.Single("alcohol")])[0];
        Assert.Equal(one, both, 12);
        Assert.True(separate > both);
    }
}
