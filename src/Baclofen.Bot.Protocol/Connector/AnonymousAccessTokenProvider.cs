using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Connector;

/// <summary>
/// The token provider for a bot with no MicrosoftAppId: local channels (Emulator, Agents
/// Playground) accept unauthenticated replies, so there is no token to fetch.
/// </summary>
public sealed class AnonymousAccessTokenProvider : IAccessTokenProvider
{
    public Task<string?> GetTokenAsync(Uri serviceUrl, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>
/// Refuses to start a bot that has a MicrosoftAppId but only the anonymous token provider:
/// every reply would go out without a token and be refused by the channel, which is far
/// harder to diagnose than a start-up error.
/// </summary>
public sealed class CredentialsHaveTokenProvider : IValidateOptions<BotCredentialsOptions>
{
    private readonly IAccessTokenProvider _tokens;

    public CredentialsHaveTokenProvider(IAccessTokenProvider tokens) => _tokens = tokens;

    public ValidateOptionsResult Validate(string? name, BotCredentialsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HasAppId && _tokens is AnonymousAccessTokenProvider
            ? ValidateOptionsResult.Fail(
                "MicrosoftAppId is set, but no token provider for Bot Framework credentials is registered, so every " +
                "reply would be refused. Leave MicrosoftAppId empty to run against the Emulator or Agents Playground.")
            : ValidateOptionsResult.Success;
    }
}
