using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baclofen.Bot.Host.Tests.Support;

/// <summary>
/// The real retriever, except that one marker message always gets a "Did you mean" over three
/// entries. Which real questions are ambiguous changes whenever the FAQ or the ranking improves;
/// tests of how clarify is delivered should not break when that happens.
/// </summary>
internal sealed class ScriptedClarify(IFaqRetriever real, FaqCatalog catalog) : IFaqRetriever
{
    public const string Question = "scripted clarify marker for tests";

    public static readonly string[] CandidateIds = ["onset", "duration-half-life", "dosing-schedule"];

    public static void Register(IServiceCollection services) =>
        services.AddSingleton<Func<FaqCatalog, IFaqRetriever>>(sp => catalog =>
            new ScriptedClarify(BotComposition.CreateRetriever(sp.GetRequiredService<IConfiguration>(), catalog), catalog));

    public RetrievalResult Retrieve(string text) =>
        string.Equals(text.Trim(), Question, StringComparison.OrdinalIgnoreCase)
            ? new RetrievalResult(RetrievalOutcome.Clarify, [.. CandidateIds.Select(id => new ScoredEntry(catalog[id], 0.5))])
            : real.Retrieve(text);
}
