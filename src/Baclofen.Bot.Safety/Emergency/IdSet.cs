namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Pattern ids (<see cref="PatternIndex"/>) as bits over only the range of ids the
/// set holds: whether a token is one of an element's alternatives is one bit test, however
/// many alternatives the element lists, and the bits stay small.</summary>
internal sealed class IdSet
{
    private readonly ulong[] _bits;
    private readonly int _firstWord;

    /// <param name="ids">Never 0 (spelt by no pattern), so id 0 is in no set.</param>
    public IdSet(int[] ids)
    {
        if (ids.Length == 0)
        {
            _bits = [];
            return;
        }
        _firstWord = ids.Min() >> 6;
        _bits = new ulong[(ids.Max() >> 6) - _firstWord + 1];
        foreach (int id in ids) _bits[(id >> 6) - _firstWord] |= 1UL << id;
    }

    /// <summary>True when one of the ids is set in <paramref name="bits"/> (bit id of word id / 64).</summary>
    public bool Overlaps(ulong[] bits)
    {
        for (int k = 0; k < _bits.Length; k++)
        {
            int word = _firstWord + k;
            if (word < bits.Length && (_bits[k] & bits[word]) != 0) return true;
        }
        return false;
    }

    public bool Contains(int id)
    {
        int word = (id >> 6) - _firstWord;
        return (uint)word < (uint)_bits.Length && (_bits[word] & (1UL << id)) != 0;
    }
}
