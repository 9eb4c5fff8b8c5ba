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
            new PorterStemFilter(StemmerOverrides.English),
        ]);

    /// <summary>The chain after the base: synonyms, then the phrasal-verb particles go.</summary>
    public static Analyzer Complete(Analyzer baseAnalyzer, SynonymFilter synonyms) =>
        baseAnalyzer.Then(synonyms).Then(new StopFilter(ParticleWords.Set));

    public static Analyzer Create(SynonymMap synonyms) => Complete(CreateBase(), new SynonymFilter(synonyms));

    public static Analyzer Create(IEnumerable<SynonymRule> rules)
    {
        var baseAnalyzer = CreateBase();
        return Complete(baseAnalyzer, new SynonymFilter(SynonymMap.Build(rules, baseAnalyzer)));
    }
}
