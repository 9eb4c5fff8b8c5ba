using Baclofen.Bot.Protocol.Tests.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Host.Tests.Support;

/// <summary>
/// Everything the Bot Framework cloud plays in an authenticated conversation, on 127.0.0.1: the Bot
/// Connector's OpenID metadata and signing keys, the token endpoint the bot gets its own token from,
/// and tokens as the Bot Connector would send them. <see cref="BotArgs"/> points the host at all of it.
/// </summary>
internal sealed class BotConnectorIdentity : IAsyncDisposable
{
    public const string AppId = "b0f1e2d3-0000-4000-8000-00000000aa01";
    public const string Issuer = "https://api.botframework.com";

    private BotConnectorIdentity(LoopbackIdentityProvider idp, TokenEndpoint tokens)
    {
        Idp = idp;
        Tokens = tokens;
    }

    public LoopbackIdentityProvider Idp { get; }

    public TokenEndpoint Tokens { get; }

    public TestSigningKey SigningKey { get; } = new("host-bc-key", "emulator", "msteams", "webchat");

    public static async Task<BotConnectorIdentity> StartAsync()
    {
        var identity = new BotConnectorIdentity(await LoopbackIdentityProvider.StartAsync(), await TokenEndpoint.StartAsync());
        identity.Idp.PublishBotConnectorKey(identity.SigningKey);
        return identity;
    }

    /// <summary>Host arguments for a bot with an app id whose identity traffic all goes to this loopback cloud.</summary>
    public string[] BotArgs(string password = "host-test-password") =>
    [
        "--MicrosoftAppId=" + AppId,
        "--MicrosoftAppPassword=" + password,
        "--BotFrameworkAuthentication:OpenIdMetadataUrl=" + Idp.BotConnectorMetadataUrl,
        "--BotFrameworkAuthentication:EmulatorOpenIdMetadataUrl=" + Idp.EmulatorMetadataUrl,
        "--BotFrameworkAuthentication:TokenEndpointTemplate=" + Tokens.Template,
        "--Bot:ConnectorRetry:BaseDelay=00:00:00.010",
        "--Bot:ConnectorRetry:MaxDelay=00:00:00.100",
    ];

    /// <summary>A Bot Connector token vouching for <paramref name="serviceUrl"/>, as sent with an activity.</summary>
    public string BotConnectorToken(Uri serviceUrl, SigningCredentials? signWith = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = signWith ?? SigningKey.Credentials,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl.AbsoluteUri },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await Idp.DisposeAsync();
        await Tokens.DisposeAsync();
    }
}
