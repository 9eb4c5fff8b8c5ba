namespace Baclofen.Bot.Protocol.Builder;

/// <summary>What an adapter calls once per incoming activity.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
