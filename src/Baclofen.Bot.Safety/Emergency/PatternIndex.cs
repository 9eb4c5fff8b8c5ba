using System.Collections.Frozen;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Every word and concept any pattern spells out, numbered, and which rules can start
/// with each. A message is looked up here once per token (<see cref="AnalysedText"/>); from
/// then on rules and readers compare small integers instead of hashing strings, and a rule
/// whose first word is absent from the message is never tried.</summary>
/// <remarks>Built on first use from the complete, fixed set of patterns (the rules and the
/// readers'), so an id means the same in every message. Id 0 is "no pattern spells this".</remarks>
internal static class PatternIndex
{
    private static readonly Lazy<Built> Index = new(Build);

    /// <summary>Every pattern in use: the phrase rules, then the readers'.</summary>
    public static IEnumerable<Pattern> AllPatterns =>
        EmergencyRules.All.Select(r => r.Pattern)
            .Concat(WithdrawalReader.Patterns).Concat(DespairReader.Patterns).Concat(CombinationReader.Patterns)
            .Concat(ChildIngestionReader.Patterns).Concat(VeiledSelfHarmReader.Patterns);

    /// <summary>How many ids there are, 0 included.</summary>
    public static int Count => Index.Value.Count;

    /// <summary>The id of a word or concept name, or 0 when no pattern spells it.</summary>
    public static int IdOf(string key) => Index.Value.Ids.TryGetValue(key, out int id) ? id : 0;

    /// <summary>Every word and concept name that has an id.</summary>
    public static IEnumerable<string> Keys => Index.Value.Ids.Keys;

    /// <summary>The indices in <see cref="EmergencyRules.All"/> of the rules whose first element
    /// accepts the word or concept with this id, ascending.</summary>
    public static int[] RulesStartingWith(int id) => Index.Value.RulesByFirstKey[id];

    /// <summary>Indices of the rules that can start on any word.</summary>
    public static int[] Unanchored => Index.Value.Unanchored;

    /// <summary><see cref="EmergencyRules.All"/> as an array.</summary>
    public static Rule[] Rules => Index.Value.Rules;

    /// <summary>Bit r set for each veto and hypothetical rule r (they run first), and for each of
    /// the others: a message's active rules are walked as set bits, never the whole list.</summary>
    public static ulong[] VetoRules => Index.Value.VetoRules;
    public static ulong[] EvidenceRules => Index.Value.EvidenceRules;

    private sealed record Built(FrozenDictionary<string, int> Ids, int Count, int[][] RulesByFirstKey, int[] Unanchored, Rule[] Rules,
        ulong[] VetoRules, ulong[] EvidenceRules);

    private static Built Build()
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pattern in AllPatterns)
            foreach (var key in pattern.Keys)
                ids.TryAdd(key, ids.Count + 1);
        int count = ids.Count + 1;

        var rules = EmergencyRules.All;
        var byKey = new List<int>[count];
        var unanchored = new List<int>();
        for (int r = 0; r < rules.Count; r++)
        {
            if (rules[r].Pattern.FirstKeys is not { } keys)
            {
                unanchored.Add(r);
                continue;
            }
            foreach (var key in keys)
            {
                var list = byKey[ids[key]] ??= [];
                if (list.Count == 0 || list[^1] != r) list.Add(r);
            }
        }
        var vetoRules = new ulong[(rules.Count + 63) / 64];
        var evidenceRules = new ulong[vetoRules.Length];
        for (int r = 0; r < rules.Count; r++)
            (rules[r].Kind is RuleKind.Veto or RuleKind.Hypothetical ? vetoRules : evidenceRules)[r >> 6] |= 1UL << r;
        return new Built(
            ids.ToFrozenDictionary(StringComparer.Ordinal),
            count,
            [.. byKey.Select(l => l?.ToArray() ?? [])],
            [.. unanchored],
            [.. rules],
            vetoRules,
            evidenceRules);
    }
}
