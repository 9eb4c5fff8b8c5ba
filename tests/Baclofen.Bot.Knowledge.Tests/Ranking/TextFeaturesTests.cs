using Baclofen.Bot.Knowledge.Ranking;
using Baclofen.Bot.Knowledge.Search;

namespace Baclofen.Bot.Knowledge.Tests.Ranking;

public class TextFeaturesTests
{
    private static IReadOnlyList<QueryClause> Clauses(params string[] terms) => terms.Select(t => QueryClause.Single(t)).ToList();

    [Fact]
    public void A_misspelt_word_shares_most_character_ngrams_with_the_right_one()
    {
        var features = new TextFeatures(new FeatureVocabulary(), new TextFeatureOptions(TermWeight: 0, BigramWeight: 0, CharGramWeight: 1));
        var (right, _) = features.Featurize([], ["withdrawal"]);
        features.Vocabulary.Freeze();
        var (typo, _) = features.Featurize([], ["withdrawl"]);
        Assert.NotEmpty(typo.Indices);
        Assert.True(typo.Indices.Count(right.Indices.Contains) >= typo.Count / 2);
    }

    [Fact]
    public void Each_group_has_unit_length_times_its_weight()
    {
        var features = new TextFeatures(new FeatureVocabulary(), new TextFeatureOptions(TermWeight: 1, BigramWeight: 0.5, CharGramWeight: 0));
        var (x, _) = features.Featurize(Clauses("stop", "sudden", "baclofen"), []);
        // 3 term features and 2 bigrams: squared norms 1 and 0.25.
        Assert.Equal(5, x.Count);
        Assert.Equal(1.25, x.Values.Sum(v => (double)v * v), 4);
    }

    [Fact]
    public void After_freezing_unseen_terms_are_dropped_and_counted()
    {
        var features = new TextFeatures(new FeatureVocabulary(), new TextFeatureOptions(CharGramWeight: 0));
        features.Featurize(Clauses("dose", "miss"), []);
        features.Vocabulary.Freeze();
        var before = features.Vocabulary.Count;
        var (x, unseen) = features.Featurize(Clauses("dose", "fridge"), []);
        Assert.Equal(before, features.Vocabulary.Count);
        Assert.Equal(0.5, unseen, 6);
        Assert.Single(x.Indices);
    }
}
