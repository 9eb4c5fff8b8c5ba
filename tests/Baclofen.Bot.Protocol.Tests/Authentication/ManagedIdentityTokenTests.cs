using Baclofen.Bot.Protocol.Authentication;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>MicrosoftAppType=UserAssignedMSI: outbound tokens from the managed identity endpoint (a loopback
/// IMDS stand-in), for the app id as the identity's client id, with no secret configured.</summary>
public sealed class ManagedIdentityTokenTests
{
    private static MsalTokenProvider Provider(string clientId)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppType = MicrosoftAppType.UserAssignedMSI,
            MicrosoftAppId = clientId,
            MicrosoftAppTenantId = AuthHarness.TenantId,
        };
        return new MsalTokenProvider(options, new MsalHttpClientFactory(options));
    }

    [Fact]
    public async Task Token_comes_from_the_managed_identity_endpoint_for_the_app_ids_identity_and_the_bot_framework_resource()
    {
        var imds = await ImdsStandIn.InstanceAsync();
        var clientId = Guid.NewGuid().ToString();

        var token = await Provider(clientId).GetTokenAsync(CancellationToken.None);

        Assert.StartsWith("mi-token-", token);
        var request = Assert.Single(imds.Requests, r => r.Query["client_id"] == clientId);
        Assert.True(request.MetadataHeader);
        Assert.Equal("https://api.botframework.com", request.Query["resource"]);
    }

    [Fact]
    public async Task The_managed_identity_token_is_cached()
    {
        var imds = await ImdsStandIn.InstanceAsync();
        var clientId = Guid.NewGuid().ToString();
        var provider = Provider(clientId);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, imds.RequestsFor(clientId));
    }
}
