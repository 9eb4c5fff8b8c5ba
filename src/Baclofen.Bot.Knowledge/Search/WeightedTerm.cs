namespace Baclofen.Bot.Knowledge.Search;

/// <summary>A query term and how much it counts (below 1 for typo corrections).</summary>
public readonly record struct WeightedTerm(string Term, double Weight);
