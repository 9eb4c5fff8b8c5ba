using Baclofen.Bot.Protocol.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>A loopback identity provider, a fake clock and an authenticator configured against them,
/// plus builders for the tokens the Bot Connector and the Emulator would send.</summary>
public sealed class AuthHarness : IAsyncDisposable
{
    public const string AppId = "a1b2c3d4-0000-4000-8000-000000000001";
    public const string TenantId = "7e5f0a3c-1111-4111-8111-000000000002";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string ChannelId = "msteams";
    public const string BotConnectorIssuer = "https://api.botframework.com";
    public const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private readonly HttpClient _http = new();

    private AuthHarness(LoopbackIdentityProvider idp, BotAuthenticationOptions options)
    {
        Idp = idp;
        Options = options;
        Trusted = new TrustedServiceUrls(Time);
        Authenticator = new BotFrameworkAuthenticator(options, _http, Trusted, Time);
    }

    public FakeTimeProvider Time { get; } = new();

    public LoopbackIdentityProvider Idp { get; }

    public BotAuthenticationOptions Options { get; }

    public TrustedServiceUrls Trusted { get; }

    public BotFrameworkAuthenticator Authenticator { get; }

    public TestSigningKey BotConnectorKey { get; } = new("bc-key-1", "msteams", "webchat", "directline");

    public TestSigningKey EmulatorKey { get; } = new("emu-key-1");

    public static async Task<AuthHarness> StartAsync(
        MicrosoftAppType appType = MicrosoftAppType.MultiTenant, string? appId = AppId)
    {
        var idp = await LoopbackIdentityProvider.StartAsync();
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppType = appType,
            MicrosoftAppId = appId,
            MicrosoftAppPassword = appId is null ? null : "test-secret-not-real",
            MicrosoftAppTenantId = appType == MicrosoftAppType.SingleTenant ? TenantId : null,
            BotFrameworkAuthentication = new BotFrameworkEndpoints
            {
                OpenIdMetadataUrl = idp.BotConnectorMetadataUrl.ToString(),
                EmulatorOpenIdMetadataUrl = idp.EmulatorMetadataUrl.ToString(),
            },
        };
        var harness = new AuthHarness(idp, options);
        idp.PublishBotConnectorKey(harness.BotConnectorKey);
        idp.PublishEmulatorKey(harness.EmulatorKey);
        return harness;
    }

    public Task<AuthenticationResult> AuthenticateAsync(string token, string? channelId = ChannelId, string? serviceUrl = ServiceUrl) =>
        Authenticator.AuthenticateAsync("Bearer " + token, channelId, serviceUrl, CancellationToken.None);

    public string BotConnectorToken(Action<SecurityTokenDescriptor>? customize = null, SigningCredentials? signWith = null)
    {
        var descriptor = Descriptor(BotConnectorIssuer, signWith ?? BotConnectorKey.Credentials);
        descriptor.Claims["serviceurl"] = ServiceUrl;
        customize?.Invoke(descriptor);
        return Sign(descriptor);
    }

    /// <summary>An Emulator token as Entra ID issues it: v1 names the caller in appid, v2 in azp.</summary>
    public string EmulatorToken(string version, Action<SecurityTokenDescriptor>? customize = null, SigningCredentials? signWith = null)
    {
        var descriptor = Descriptor(version == "2.0" ? EmulatorIssuerV2 : EmulatorIssuerV1, signWith ?? EmulatorKey.Credentials);
        descriptor.Claims["ver"] = version;
        descriptor.Claims[version == "2.0" ? "azp" : "appid"] = AppId;
        customize?.Invoke(descriptor);
        return Sign(descriptor);
    }

    private SecurityTokenDescriptor Descriptor(string issuer, SigningCredentials credentials)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        return new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = AppId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>(),
        };
    }

    private static string Sign(SecurityTokenDescriptor descriptor) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);

    public async ValueTask DisposeAsync()
    {
        await Idp.DisposeAsync();
        _http.Dispose();
        BotConnectorKey.Dispose();
        EmulatorKey.Dispose();
    }
}
