namespace Baclofen.Bot.Protocol.Builder;

/// <summary>Runs the rest of the pipeline (the next middleware, and finally the bot).</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>
/// Bot Builder's middleware shape: code that wraps every turn. A middleware that does not
/// call <paramref name="next"/> short-circuits the turn (the bot never sees the activity).
/// </summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
