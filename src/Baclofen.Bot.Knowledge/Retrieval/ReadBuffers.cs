using Baclofen.Bot.Knowledge.Analysis;

namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// The token lists reading a message passes between its stages, kept per thread instead of
/// allocated per message and clause (a ranking reads the message and each of its clauses). Only
/// what a read returns (its words and clauses) outlives it, and that is always copied out; a
/// read never starts another, and each use clears a list before filling it, so one set per
/// thread serves every read, even after one that threw.
/// </summary>
internal sealed class ReadBuffers
{
    [ThreadStatic] private static ReadBuffers? _current;

    public static ReadBuffers Current => _current ??= new ReadBuffers();

    /// <summary>The typed words (lower-cased, possessives off).</summary>
    public readonly List<Token> Typed = [];

    /// <summary>The base analysis of the text being read.</summary>
    public readonly List<Token> Analyzed = [];

    /// <summary>The base analysis of the message a ranking is about, kept for the foreign-name
    /// check after the read; apart from <see cref="Analyzed"/>, which clause reads reuse.</summary>
    public readonly List<Token> Message = [];

    public readonly List<Token> Corrected = [];
    public readonly List<Token> Synonymed = [];
    public readonly List<Token> Tokens = [];

    /// <summary>The keys of the clauses kept so far: a message has a handful, so a list scanned
    /// by ordinal equality finds a repeat as a HashSet did, without building one per read.</summary>
    public readonly List<string> ClauseKeys = [];

    public int[] Order = new int[64];
    public long[] Keys = new long[64];
}
