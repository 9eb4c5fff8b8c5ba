using Baclofen.Bot.Protocol.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

public sealed class BotConnectorTokenTests
{
    [Fact]
    public async Task Bot_connector_token_signed_by_an_endorsed_key_is_accepted_and_its_service_url_becomes_trusted()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.BotConnectorToken());

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(TokenSource.BotConnector, result.Source);
        Assert.True(result.Identity!.IsAuthenticated);
        Assert.Equal(AuthHarness.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
        Assert.True(h.Trusted.IsTrusted(AuthHarness.ServiceUrl));
    }

    [Fact]
    public async Task Missing_authorization_header_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.Authenticator.AuthenticateAsync(null, AuthHarness.ChannelId, AuthHarness.ServiceUrl, CancellationToken.None);

        Assert.Equal(AuthenticationFailure.MissingAuthorizationHeader, result.Failure);
        Assert.Null(result.Identity);
        Assert.False(h.Trusted.IsTrusted(AuthHarness.ServiceUrl));
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Token abc.def.ghi")]
    public async Task Authorization_header_with_another_scheme_is_refused(string header)
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.Authenticator.AuthenticateAsync(header, AuthHarness.ChannelId, AuthHarness.ServiceUrl, CancellationToken.None);

        Assert.Equal(AuthenticationFailure.UnsupportedScheme, result.Failure);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c.d.e")]
    public async Task Bearer_header_without_a_readable_signed_token_is_refused(string header)
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.Authenticator.AuthenticateAsync(header, AuthHarness.ChannelId, AuthHarness.ServiceUrl, CancellationToken.None);

        Assert.Equal(AuthenticationFailure.MalformedToken, result.Failure);
    }

    [Fact]
    public async Task Token_whose_signature_was_made_with_another_key_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.BotConnectorToken(signWith: h.BotConnectorKey.ForgedCredentials));

        Assert.Equal(AuthenticationFailure.InvalidSignature, result.Failure);
        Assert.False(h.Trusted.IsTrusted(AuthHarness.ServiceUrl));
    }

    [Fact]
    public async Task Token_signed_with_a_symmetric_key_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();
        var hmac = new SymmetricSecurityKey(new byte[32]) { KeyId = h.BotConnectorKey.KeyId };

        var result = await h.AuthenticateAsync(h.BotConnectorToken(signWith: new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256)));

        Assert.False(result.Succeeded);
        Assert.Equal(AuthenticationFailure.InvalidSignature, result.Failure);
    }

    [Fact]
    public async Task Token_expired_beyond_the_five_minute_skew_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();
        var token = h.BotConnectorToken();

        h.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));
        var result = await h.AuthenticateAsync(token);

        Assert.Equal(AuthenticationFailure.Expired, result.Failure);
    }

    [Fact]
    public async Task Token_expired_within_the_five_minute_skew_is_still_accepted()
    {
        await using var h = await AuthHarness.StartAsync();
        var token = h.BotConnectorToken();

        h.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(4));
        var result = await h.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task Token_not_valid_until_beyond_the_skew_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();
        var later = h.Time.GetUtcNow().UtcDateTime.AddMinutes(10);

        var result = await h.AuthenticateAsync(h.BotConnectorToken(d => { d.NotBefore = later; d.IssuedAt = later; }));

        Assert.Equal(AuthenticationFailure.NotYetValid, result.Failure);
    }

    [Fact]
    public async Task Token_without_expiry_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.BotConnectorToken(d => d.Expires = null));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Token_from_an_unknown_issuer_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.BotConnectorToken(d => d.Issuer = "https://api.botframework.com.evil.example"));

        Assert.Equal(AuthenticationFailure.UntrustedIssuer, result.Failure);
    }

    [Fact]
    public async Task Token_for_another_audience_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.BotConnectorToken(d => d.Audience = "some-other-bot"));

        Assert.Equal(AuthenticationFailure.InvalidAudience, result.Failure);
    }

    [Fact]
    public async Task Token_whose_serviceurl_claim_differs_from_the_activity_is_refused_and_the_url_stays_untrusted()
    {
        await using var h = await AuthHarness.StartAsync();
        const string forged = "https://attacker.example/steal/";

        var result = await h.AuthenticateAsync(h.BotConnectorToken(), serviceUrl: forged);

        Assert.Equal(AuthenticationFailure.ServiceUrlMismatch, result.Failure);
        Assert.False(h.Trusted.IsTrusted(forged));
        Assert.False(h.Trusted.IsTrusted(AuthHarness.ServiceUrl));
    }

    [Fact]
    public async Task Token_without_serviceurl_claim_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.BotConnectorToken(d => d.Claims.Remove("serviceurl")));

        Assert.Equal(AuthenticationFailure.ServiceUrlMismatch, result.Failure);
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Activity_from_a_channel_the_signing_key_does_not_endorse_is_refused(string? channelId)
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.BotConnectorToken(), channelId: channelId);

        Assert.Equal(AuthenticationFailure.ChannelNotEndorsed, result.Failure);
    }

    [Fact]
    public async Task Bot_connector_token_signed_with_an_emulator_key_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.AuthenticateAsync(h.BotConnectorToken(signWith: h.EmulatorKey.Credentials));

        Assert.Equal(AuthenticationFailure.UnknownSigningKey, result.Failure);
    }
}
