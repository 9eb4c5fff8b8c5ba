namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>
/// One line of a Solr synonyms file. Equivalent phrases ("kick in, take effect, start working")
/// all stand for one concept; an explicit mapping ("baclophen, backlofen => baclofen") rewrites
/// its inputs into the output and drops them, as Solr does.
/// </summary>
public sealed record SynonymRule(IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, bool IsExplicitMapping, int LineNumber);
