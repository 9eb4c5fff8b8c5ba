using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Pipeline;

namespace Baclofen.Bot.Reload;

/// <summary>
/// One validated version of faq/ and everything built from it. Immutable: a turn that started
/// on one version finishes on it, whatever is reloaded meanwhile.
/// </summary>
public sealed record FaqKnowledge(FaqCatalog Catalog, TurnPipeline Pipeline);
