namespace Baclofen.Bot.Knowledge.Search;

/// <summary>One document a term occurs in, and how often.</summary>
public readonly record struct Posting(int DocId, int Frequency);
