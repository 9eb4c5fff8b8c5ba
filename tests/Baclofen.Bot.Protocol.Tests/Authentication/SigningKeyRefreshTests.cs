using Baclofen.Bot.Protocol.Authentication;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

public sealed class SigningKeyRefreshTests
{
    private const string Metadata = LoopbackIdentityProvider.BotConnectorMetadataPath;
    private const string Keys = LoopbackIdentityProvider.BotConnectorKeysPath;

    [Fact]
    public async Task Keys_are_fetched_once_and_reused_across_requests()
    {
        await using var h = await AuthHarness.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await h.AuthenticateAsync(h.BotConnectorToken())).Succeeded);
        }

        Assert.Equal(1, h.Idp.Server.Count(Metadata));
        Assert.Equal(1, h.Idp.Server.Count(Keys));
    }

    [Fact]
    public async Task Unknown_kid_triggers_exactly_one_refresh_then_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();
        Assert.True((await h.AuthenticateAsync(h.BotConnectorToken())).Succeeded);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        using var stranger = new TestSigningKey("never-published", "msteams");

        var first = await h.AuthenticateAsync(h.BotConnectorToken(signWith: stranger.Credentials));
        var second = await h.AuthenticateAsync(h.BotConnectorToken(signWith: stranger.Credentials));

        Assert.Equal(AuthenticationFailure.UnknownSigningKey, first.Failure);
        Assert.Equal(AuthenticationFailure.UnknownSigningKey, second.Failure);
        Assert.Equal(2, h.Idp.Server.Count(Metadata));
        Assert.Equal(2, h.Idp.Server.Count(Keys));
    }

    [Fact]
    public async Task A_flood_of_made_up_kids_causes_no_refresh_storm()
    {
        await using var h = await AuthHarness.StartAsync();
        Assert.True((await h.AuthenticateAsync(h.BotConnectorToken())).Succeeded);
        h.Time.Advance(TimeSpan.FromMinutes(10));

        var tokens = Enumerable.Range(0, 40)
            .Select(i => h.BotConnectorToken(signWith: h.BotConnectorKey.CredentialsAs($"made-up-{i}")))
            .ToList();
        var results = await Task.WhenAll(tokens.Select(t => h.AuthenticateAsync(t)));

        Assert.All(results, r => Assert.Equal(AuthenticationFailure.UnknownSigningKey, r.Failure));
        Assert.Equal(2, h.Idp.Server.Count(Keys));
    }

    [Fact]
    public async Task Rolled_over_key_is_picked_up_by_the_unknown_kid_refresh()
    {
        await using var h = await AuthHarness.StartAsync();
        Assert.True((await h.AuthenticateAsync(h.BotConnectorToken())).Succeeded);
        using var next = new TestSigningKey("bc-key-2", "msteams");
        h.Idp.PublishBotConnectorKey(next);
        h.Time.Advance(TimeSpan.FromMinutes(6));

        var result = await h.AuthenticateAsync(h.BotConnectorToken(signWith: next.Credentials));

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task Keys_are_refetched_after_a_day_even_when_every_kid_is_known()
    {
        await using var h = await AuthHarness.StartAsync();
        Assert.True((await h.AuthenticateAsync(h.BotConnectorToken())).Succeeded);

        h.Time.Advance(TimeSpan.FromHours(24));
        Assert.True((await h.AuthenticateAsync(h.BotConnectorToken())).Succeeded);

        Assert.Equal(2, h.Idp.Server.Count(Keys));
    }

    [Fact]
    public async Task Held_keys_keep_working_when_a_daily_refresh_fails()
    {
        await using var h = await AuthHarness.StartAsync();
        Assert.True((await h.AuthenticateAsync(h.BotConnectorToken())).Succeeded);

        h.Idp.Failing = true;
        h.Time.Advance(TimeSpan.FromHours(25));
        var result = await h.AuthenticateAsync(h.BotConnectorToken());

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task Unreachable_metadata_with_no_keys_held_refuses_with_keys_unavailable()
    {
        await using var h = await AuthHarness.StartAsync();
        h.Idp.Failing = true;

        var result = await h.AuthenticateAsync(h.BotConnectorToken());
        var again = await h.AuthenticateAsync(h.BotConnectorToken());

        Assert.Equal(AuthenticationFailure.SigningKeysUnavailable, result.Failure);
        Assert.Equal(AuthenticationFailure.SigningKeysUnavailable, again.Failure);
        Assert.Equal(1, h.Idp.Server.Count(Metadata)); // the second request did not hammer the endpoint
    }

    [Fact]
    public async Task Jwks_parser_reads_endorsements_and_skips_keys_it_cannot_use()
    {
        const string jwks = """
            {"keys":[
              {"kty":"RSA","use":"sig","kid":"a","n":"sXch","e":"AQAB","endorsements":["msteams","webchat"]},
              {"kty":"RSA","use":"enc","kid":"b","n":"sXch","e":"AQAB"},
              {"kty":"EC","kid":"c","crv":"P-256","x":"AA","y":"AA"},
              {"kty":"RSA","n":"sXch","e":"AQAB"}
            ]}
            """;

        var keys = ChannelEndorsements.SigningKeys(new OpenIdConnectConfiguration { JsonWebKeySet = new JsonWebKeySet(jwks) });

        Assert.Single(keys);
        Assert.True(keys.TryGetValue("a", out var key));
        Assert.True(key.Endorses("msteams"));
        Assert.False(key.Endorses("slack"));
    }
}
