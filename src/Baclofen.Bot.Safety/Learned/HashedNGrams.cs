namespace Baclofen.Bot.Safety.Learned;

/// <summary>Receives the hashed features of a message, one call per occurrence.</summary>
internal interface IFeatureSink
{
    void Add(uint hash);
}

/// <summary>
/// The classifier's view of a message: word unigrams, word bigrams and character 3- to
/// 5-grams inside word boundaries, each hashed to 32 bits (the hashing trick, as in Vowpal
/// Wabbit or scikit-learn's HashingVectorizer). Character n-grams carry typos, text-speak and
/// word forms ("overdosd", "seizin", "cant wake") to the same features as the clean words.
/// </summary>
/// <remarks>
/// Letters are lower-cased, every digit reads as 0 (the rules read amounts; the model only sees
/// that a number is there), apostrophes vanish ("can't" is "cant") and anything else separates
/// words. Nothing is allocated: words are read into a stack buffer and hashed as they go.
/// </remarks>
internal static class HashedNGrams
{
    public const int MinGram = 3;
    public const int MaxGram = 5;
    private const int MaxWord = 24;

    private const uint WordSeed = 0x9E3779B1;
    private const uint BigramSeed = 0x85EBCA77;
    private const uint GramSeed = 0xC2B2AE3D;

    /// <summary>Feeds every feature of the text to the sink; returns how many there were.</summary>
    public static int Extract<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IFeatureSink
    {
        // The word with a boundary mark either side, for the character n-grams.
        Span<char> word = stackalloc char[MaxWord + 2];
        int length = 0, count = 0;
        uint previous = 0;
        bool hasPrevious = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (c is '\'' or '\u2019') continue;
            // Chinese and Japanese put no spaces between words: each character is read as a word
            // of its own, so the unigrams and bigrams are characters and character pairs (without
            // this a whole sentence was one 24-character "word" and the model never saw it).
            if (IsUnspacedScript(c))
            {
                Flush(word, ref length, ref previous, ref hasPrevious, ref count, ref sink);
                word[++length] = c;
                Flush(word, ref length, ref previous, ref hasPrevious, ref count, ref sink);
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (length < MaxWord) word[++length] = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
                continue;
            }
            Flush(word, ref length, ref previous, ref hasPrevious, ref count, ref sink);
        }
        return count;
    }

    private static void Flush<TSink>(Span<char> word, ref int length, ref uint previous, ref bool hasPrevious, ref int count, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        if (length == 0) return;
        word[0] = ' ';
        word[length + 1] = ' ';
        var letters = word.Slice(1, length);
        uint hash = Hash(letters, WordSeed);
        sink.Add(Finish(hash));
        count++;
        if (hasPrevious)
        {
            sink.Add(Finish(Combine(previous, hash) ^ BigramSeed));
            count++;
        }
        var padded = word[..(length + 2)];
        for (int n = MinGram; n <= MaxGram; n++)
            for (int start = 0; start + n <= padded.Length; start++)
            {
                sink.Add(Finish(Hash(padded.Slice(start, n), GramSeed + (uint)n)));
                count++;
            }
        previous = hash;
        hasPrevious = true;
        length = 0;
    }

    // CJK ideographs (with extension A and compatibility forms), hiragana and katakana.
    private static bool IsUnspacedScript(char c)
        => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF');

    // FNV-1a over the UTF-16 code units.
    private static uint Hash(ReadOnlySpan<char> chars, uint seed)
    {
        uint h = 2166136261u ^ seed;
        foreach (char c in chars)
        {
            h ^= c;
            h *= 16777619u;
        }
        return h;
    }

    private static uint Combine(uint a, uint b) => (a * 31u) ^ (b * 0x27D4EB2Fu) ^ (a >> 15);

    // MurmurHash3's finaliser: every bit of the input reaches the low bits used as an index
    // and the top bit used as a sign.
    private static uint Finish(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }
}
