namespace Baclofen.Bot.Protocol.Builder;

/// <summary>
/// An ordered middleware pipeline. The first registered middleware runs outermost, so it
/// sees the turn first and finishes last, as in Bot Builder.
/// </summary>
public sealed class MiddlewareSet
{
    private readonly IReadOnlyList<IMiddleware> _middleware;

    public MiddlewareSet(IEnumerable<IMiddleware> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware = middleware.ToArray();
    }

    public int Count => _middleware.Count;

    public Task RunAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(bot);
        return RunFromAsync(0, turnContext, bot, cancellationToken);
    }

    private Task RunFromAsync(int index, ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> bot, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return bot(turnContext, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(
            turnContext,
            ct => RunFromAsync(index + 1, turnContext, bot, ct),
            cancellationToken);
    }
}
