using Baclofen.Bot.Protocol.Authentication;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

public sealed class EmulatorTokenTests
{
    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task Emulator_token_naming_this_app_is_accepted(string version)
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.EmulatorToken(version), channelId: "emulator", serviceUrl: "http://localhost:50123");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(TokenSource.Emulator, result.Source);
        Assert.True(h.Trusted.IsTrusted("http://localhost:50123/"));
    }

    [Fact]
    public async Task Emulator_v1_token_whose_appid_is_another_app_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.EmulatorToken("1.0", d => d.Claims["appid"] = "someone-else"));

        Assert.Equal(AuthenticationFailure.InvalidAppId, result.Failure);
    }

    [Fact]
    public async Task Emulator_v2_token_that_names_the_app_in_appid_instead_of_azp_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.EmulatorToken("2.0", d =>
        {
            d.Claims.Remove("azp");
            d.Claims["appid"] = AuthHarness.AppId;
        }));

        Assert.Equal(AuthenticationFailure.InvalidAppId, result.Failure);
    }

    [Fact]
    public async Task Emulator_token_with_an_unknown_version_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.EmulatorToken("3.0", d => d.Claims["appid"] = AuthHarness.AppId));

        Assert.Equal(AuthenticationFailure.InvalidAppId, result.Failure);
    }

    [Fact]
    public async Task Emulator_token_for_another_audience_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.EmulatorToken("2.0", d => d.Audience = "https://graph.microsoft.com"));

        Assert.Equal(AuthenticationFailure.InvalidAudience, result.Failure);
    }

    [Fact]
    public async Task Emulator_issuer_with_a_bot_connector_signing_key_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.EmulatorToken("1.0", signWith: h.BotConnectorKey.Credentials));

        Assert.Equal(AuthenticationFailure.UnknownSigningKey, result.Failure);
    }

    [Fact]
    public async Task Single_tenant_bot_accepts_an_emulator_token_from_its_own_tenant()
    {
        await using var h = await AuthHarness.StartAsync(MicrosoftAppType.SingleTenant);

        var v1 = await h.AuthenticateAsync(h.EmulatorToken("1.0", d => d.Issuer = $"https://sts.windows.net/{AuthHarness.TenantId}/"));
        var v2 = await h.AuthenticateAsync(h.EmulatorToken("2.0", d => d.Issuer = $"https://login.microsoftonline.com/{AuthHarness.TenantId}/v2.0"));

        Assert.True(v1.Succeeded, v1.ToString());
        Assert.True(v2.Succeeded, v2.ToString());
    }

    [Fact]
    public async Task Single_tenant_bot_refuses_an_emulator_token_from_another_tenant()
    {
        await using var h = await AuthHarness.StartAsync(MicrosoftAppType.SingleTenant);
        const string otherTenant = "99999999-9999-4999-8999-999999999999";

        var result = await h.AuthenticateAsync(h.EmulatorToken("2.0", d => d.Issuer = $"https://login.microsoftonline.com/{otherTenant}/v2.0"));

        Assert.Equal(AuthenticationFailure.UntrustedIssuer, result.Failure);
    }

    [Fact]
    public async Task Multi_tenant_bot_refuses_a_tenant_scoped_emulator_issuer()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.EmulatorToken("1.0", d => d.Issuer = $"https://sts.windows.net/{AuthHarness.TenantId}/"));

        Assert.Equal(AuthenticationFailure.UntrustedIssuer, result.Failure);
    }
}
