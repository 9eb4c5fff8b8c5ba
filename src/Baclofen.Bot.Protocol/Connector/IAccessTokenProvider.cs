namespace Baclofen.Bot.Protocol.Connector;

/// <summary>
/// Supplies the bearer token the bot presents to a channel's connector service.
/// </summary>
public interface IAccessTokenProvider
{
    /// <summary>
    /// The token for calls to <paramref name="serviceUrl"/>, or null when the bot runs without
    /// credentials (no MicrosoftAppId), in which case requests go out unauthenticated, as the
    /// Bot Framework Emulator and Agents Playground expect for a local bot.
    /// </summary>
    Task<string?> GetTokenAsync(Uri serviceUrl, CancellationToken cancellationToken);
}
