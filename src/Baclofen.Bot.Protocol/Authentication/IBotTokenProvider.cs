namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>The bearer token the bot attaches to its requests to the Bot Connector service.</summary>
public interface IBotTokenProvider
{
    /// <summary>A valid access token, or null when authentication is disabled (no app id: anonymous local replies).</summary>
    /// <exception cref="BotTokenRequestException">The token endpoint refused or could not be reached.</exception>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the cached token (for example after the connector answered 401), so the next call fetches anew.</summary>
    void Invalidate();
}
