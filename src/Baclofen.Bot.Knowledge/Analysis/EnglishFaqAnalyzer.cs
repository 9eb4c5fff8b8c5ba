namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>The analysis chain the FAQ index and the messages share.</summary>
public static class EnglishFaqAnalyzer
{
    /// <summary>Everything before synonyms: the chain synonym phrases are analyzed with, and the
    /// stage after which typos are corrected against the vocabulary.</summary>
    public static Analyzer CreateBase() => new(
        new StandardTokenizer(),
        [
            new LowerCaseFilter(),
            new EnglishPossessiveFilter(),
            new NegationContractionFilter(),
            new StopFilter(EnglishStopWords.Set),
            new PorterStemFilter(),
        ]);

    public static Analyzer Create(SynonymMap synonyms) => CreateBase().Then(new SynonymFilter(synonyms));

    public static Analyzer Create(IEnumerable<SynonymRule> rules)
    {
        var baseAnalyzer = CreateBase();
        return baseAnalyzer.Then(new SynonymFilter(SynonymMap.Build(rules, baseAnalyzer)));
    }
}
