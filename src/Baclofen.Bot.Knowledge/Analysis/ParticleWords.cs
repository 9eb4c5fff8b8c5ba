namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// Words that only mean something inside a phrase, removed after the synonym filter has seen
/// them. Adverb particles of phrasal verbs ("calm down", "wear off", "build up", "come out"). They must
/// reach the synonym filter, where they tell "come off" (stopping) from "come" and "wear off"
/// (duration) from "wear", and are dropped after it: left alone they carry no topic and made
/// "calm down the spasms" match "does it calm you down" (anxiety) on the strength of "down".
/// Light verbs likewise: "get high" and "get off" are phrases the synonyms know, "get" alone is
/// nothing. The set is written as words and compared after stemming.
/// </summary>
public static class ParticleWords
{
    public static IReadOnlySet<string> Set { get; } = new[]
    {
        "up", "down", "out", "off", "over", "away",
        "get", "gets", "getting", "got", "gotten", "go", "goes", "going", "went", "gone",
        "come", "comes", "coming", "came", "put", "puts", "putting",
    }.Select(PorterStemmer.Stem).ToHashSet(StringComparer.Ordinal);
}
