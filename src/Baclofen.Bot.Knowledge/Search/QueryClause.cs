namespace Baclofen.Bot.Knowledge.Search;

/// <summary>
/// One position of the query: the word the user typed and its alternatives (its synonym concept,
/// its typo corrections). Scored as the best alternative, like Lucene's SynonymQuery /
/// DisjunctionMaxQuery, not as their sum: a word that happens to have synonyms must not weigh
/// twice as much as one that has none.
/// </summary>
/// <param name="ReferenceWeight">What a perfect match of this position is worth (1 for a word the
/// user typed). Alternatives can weigh less (a fuzzy correction), so a message only explained
/// through guesses scores below its self-score.</param>
public sealed record QueryClause(IReadOnlyList<WeightedTerm> Alternatives, double ReferenceWeight = 1.0)
{
    public static QueryClause Single(string term, double weight = 1.0) => new([new WeightedTerm(term, weight)]);
}
