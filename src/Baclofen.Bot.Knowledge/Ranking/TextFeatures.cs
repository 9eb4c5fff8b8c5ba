using System.Collections.Frozen;
using Baclofen.Bot.Knowledge.Search;

namespace Baclofen.Bot.Knowledge.Ranking;

/// <summary>
/// The classifier's view of a text, in three groups, each scaled to unit length then weighted:
/// analyzed terms (stems and synonym concepts, the same clauses BM25 sees), adjacent-term bigrams
/// (word order: "stop drinking" is not "drinking stopped" of a different entry), and character
/// 3–5-grams of the typed words, which survive misspellings the fuzzy stage does not repair; and,
/// weighted lightly, the function words the analysis drops, which say whom the message addresses
/// ("your hours", "do you take") more than what it is about.
/// Unit length per group keeps a long rambling message from out-voting a short one.
/// </summary>
public sealed class TextFeatures(FeatureVocabulary vocabulary, TextFeatureOptions options)
{
    public FeatureVocabulary Vocabulary { get; } = vocabulary;

    /// <summary>The features of one text, and the share of its term features the vocabulary lacks.</summary>
    public (SparseVector Vector, double UnseenTermShare) Featurize(IReadOnlyList<QueryClause> clauses, IReadOnlyList<string> words,
        IReadOnlyList<string>? functionWords = null)
    {
        // Per-thread buffers, cleared rather than allocated per message; a group enumerates in
        // first-added order as the Dictionary it replaced did, so the norms below sum the same
        // values in the same order.
        var scratch = _scratch ??= new Scratch();
        var features = scratch.Features;
        var group = scratch.Group;
        features.Clear();
        group.Clear();
        var unseen = 0;
        var terms = 0;

        // Indexed loops throughout: these are interfaces, and foreach would box an enumerator each.
        for (var c = 0; c < clauses.Count; c++)
        {
            terms++;
            var any = false;
            var alternatives = clauses[c].Alternatives;
            for (var a = 0; a < alternatives.Count; a++)
                any |= Add(group, FeatureGroup.Term, alternatives[a].Term, (float)alternatives[a].Weight);
            if (!any) unseen++;
        }
        Merge(features, group, options.TermWeight);

        group.Clear();
        Span<char> pair = stackalloc char[128];
        for (var i = 1; i < clauses.Count; i++)
        {
            var lefts = clauses[i - 1].Alternatives;
            var rights = clauses[i].Alternatives;
            for (var l = 0; l < lefts.Count; l++)
                for (var r = 0; r < rights.Count; r++)
                    Add(group, FeatureGroup.Bigram, Bigram(lefts[l].Term, rights[r].Term, pair), (float)(lefts[l].Weight * rights[r].Weight));
        }
        Merge(features, group, options.BigramWeight);

        group.Clear();
        var known = CharGramTable();
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            if (known is not null && known.TryGetValue(word, out var ids))
            {
                foreach (var id in ids) group.Add(id, 1f);
                continue;
            }
            if (known is null) _trainingWords?.Add(word);
            AddCharGrams(group, word);
        }
        Merge(features, group, options.CharGramWeight);

        group.Clear();
        if (functionWords is not null)
            for (var w = 0; w < functionWords.Count; w++)
                Add(group, FeatureGroup.FunctionWord, functionWords[w], 1f);
        Merge(features, group, options.FunctionWordWeight);

        var vector = features.ToVector();
        features.Clear();
        group.Clear();
        return (vector, terms == 0 ? 0 : (double)unseen / terms);
    }

    // Word boundaries are part of the n-grams ("<bac", "fen>"), as in fastText.
    private void AddCharGrams(FeatureGroupBuffer group, string word)
    {
        Span<char> padded = stackalloc char[66];
        var length = Math.Min(word.Length, padded.Length - 2);
        padded[0] = '<';
        word.AsSpan(0, length).CopyTo(padded[1..]);
        padded[length + 1] = '>';
        var text = padded[..(length + 2)];
        for (var n = options.MinCharGram; n <= options.MaxCharGram; n++)
            for (var s = 0; s + n <= text.Length; s++)
                Add(group, FeatureGroup.CharGram, text.Slice(s, n), 1f);
    }

    // The words of the training texts, recorded while the vocabulary grows.
    private HashSet<string>? _trainingWords = new(StringComparer.Ordinal);
    private FrozenDictionary<string, int[]>? _charGrams;

    /// <summary>
    /// Once the vocabulary is frozen: every training word's character n-gram ids, in the order
    /// <see cref="AddCharGrams"/> adds them (unseen n-grams left out, as Add leaves them). A
    /// message's words are mostly FAQ words, so each costs one lookup instead of one per n-gram;
    /// the ids, their order and so the features are the same. Null before the freeze.
    /// </summary>
    private FrozenDictionary<string, int[]>? CharGramTable()
    {
        if (_charGrams is { } built) return built;
        if (!Vocabulary.Frozen || _trainingWords is not { } words) return null;
        var table = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var group = new FeatureGroupBuffer();
        foreach (var word in words)
        {
            group.Clear();
            AddCharGrams(group, word);
            table[word] = group.Ids.ToArray();
        }
        _charGrams = built = table.ToFrozenDictionary(StringComparer.Ordinal);
        _trainingWords = null;
        return built;
    }

    /// <summary>"left right", in <paramref name="buffer"/> when it fits (no string per pair).</summary>
    private static ReadOnlySpan<char> Bigram(string left, string right, Span<char> buffer)
    {
        var length = left.Length + 1 + right.Length;
        if (length > buffer.Length) return string.Concat(left, " ", right);
        left.AsSpan().CopyTo(buffer);
        buffer[left.Length] = ' ';
        right.AsSpan().CopyTo(buffer[(left.Length + 1)..]);
        return buffer[..length];
    }

    private bool Add(FeatureGroupBuffer group, FeatureGroup kind, ReadOnlySpan<char> name, float value)
    {
        var id = Vocabulary.Id(kind, name);
        if (id < 0) return false;
        group.Add(id, value);
        return true;
    }

    private static void Merge(FeatureList into, FeatureGroupBuffer group, double weight)
    {
        if (group.Count == 0 || weight <= 0) return;
        var ids = group.Ids;
        double norm = 0;
        foreach (var id in ids)
        {
            var v = group[id];
            norm += v * v;
        }
        var scale = (float)(weight / Math.Sqrt(norm));
        foreach (var id in ids) into.Add(id, group[id] * scale);
    }

    [ThreadStatic] private static Scratch? _scratch;

    private sealed class Scratch
    {
        public readonly FeatureList Features = new();
        public readonly FeatureGroupBuffer Group = new();
    }

    /// <summary>
    /// The scaled features of all groups. Feature ids are unique across groups (one vocabulary
    /// numbers them all), so the groups are simply appended; each pair is packed into one long,
    /// id in the high half, so sorting the longs sorts by id: the vector's order, without a
    /// dictionary or a two-array sort.
    /// </summary>
    private sealed class FeatureList
    {
        private long[] _packed = new long[256];
        private int _count;

        public void Clear() => _count = 0;

        public void Add(int id, float value)
        {
            if (_count == _packed.Length) Array.Resize(ref _packed, _packed.Length * 2);
            _packed[_count++] = ((long)id << 32) | (uint)BitConverter.SingleToInt32Bits(value);
        }

        public SparseVector ToVector()
        {
            var packed = _packed.AsSpan(0, _count);
            packed.Sort();
            var indices = new int[packed.Length];
            var values = new float[packed.Length];
            for (var i = 0; i < packed.Length; i++)
            {
                indices[i] = (int)(packed[i] >> 32);
                values[i] = BitConverter.Int32BitsToSingle((int)packed[i]);
            }
            return new SparseVector(indices, values);
        }
    }
}

/// <summary>Weights of the feature groups of <see cref="TextFeatures"/>.</summary>
public sealed record TextFeatureOptions(double TermWeight = 1.0, double BigramWeight = 0.5, double CharGramWeight = 0.5, int MinCharGram = 3, int MaxCharGram = 5, double FunctionWordWeight = 0.3);
