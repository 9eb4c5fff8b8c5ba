using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>The words the rules spell out literally ("shaking", "choking", "swallowed"), made
/// typo-tolerant the same way as the lexicon: "shaknig" still reads as "shaking".</summary>
internal static class PatternVocabulary
{
    // Only distinctive words are corrected towards: everyday words the rules also spell out
    // ("waiting", "sitting", "feeling") sit one slip from too many other everyday words.
    private const string Distinctive =
        "shaking jerking twitching trembling thrashing choking choked gasping gurgling wheezing fainted fainting " +
        "collapsed collapsing shallow convulsing foaming drooling slurring slurred slumped lifeless floppy " +
        "rigidity delirious hallucinating vomiting clammy struggling swallowed swallowing suffocating " +
        "uncontrollably violently rolling missing stockpiling hoarding hoarded suicide unresponsive " +
        "disappear burden worthless hopeless pointless meaningless goodbye ambulance emergency coming barely " +
        "things suddenly abruptly " +
        "poisoning accidentally overdosed noticing breathing throat throats tongue little";

    // Real words one slip from a distinctive word that mean something else.
    private const string ProtectedWords =
        "cooked cooker cooks cocked cooking coking looking booking hooking shaping sharing shaving staking snaking chokes choker " +
        "kissing hissing messing missings rolling tolling polling rollins swallows slumber slurped " +
        "dropping drooping dripping litter lintel lithe threat threats framing forming consulting slurping harding coding coping combing homing thinks thighs thingy";

    private static readonly Lazy<FuzzyWordMatcher> LazyMatcher = new(Build);

    public static FuzzyWordMatcher Matcher => LazyMatcher.Value;

    private static FuzzyWordMatcher Build()
    {
        var literals = EmergencyRules.All.Select(r => r.Pattern)
            .Concat(WithdrawalReader.Patterns).Concat(DespairReader.Patterns).Concat(CombinationReader.Patterns)
            .Concat(ChildIngestionReader.Patterns).Concat(VeiledSelfHarmReader.Patterns)
            .SelectMany(p => p.Literals)
            .Where(w => w.All(char.IsLetter))
            .Distinct()
            .ToDictionary(w => w, w => w, StringComparer.Ordinal);
        var fuzzy = Distinctive.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(literals.ContainsKey);
        return new FuzzyWordMatcher(literals, fuzzy, ProtectedWords.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The literal a typed word was meant to be, or the word itself.</summary>
    public static string Canonical(string word)
    {
        if (word.Length < FuzzyWordMatcher.MinimumFuzzyLength + 1) return word;
        return Matcher.Match(word) ?? word;
    }
}
