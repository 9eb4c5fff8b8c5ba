using System.Net;
using Baclofen.Bot.Protocol.Authentication;
using Microsoft.AspNetCore.Http;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

public sealed class ConnectorAuthorizationHandlerTests
{
    private sealed class FixedTokens(string? token) : IBotTokenProvider
    {
        public int Invalidations { get; private set; }

        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);

        public void Invalidate() => Invalidations++;
    }

    private static async Task<(LoopbackServer Server, List<string?> Authorizations)> ConnectorAsync(int status = 200)
    {
        var seen = new List<string?>();
        var server = await LoopbackServer.StartAsync(context =>
        {
            lock (seen)
            {
                seen.Add(context.Request.Headers.Authorization.FirstOrDefault());
            }
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        return (server, seen);
    }

    private static HttpClient Client(BotAuthenticationMode mode, IBotTokenProvider tokens, TrustedServiceUrls trusted) =>
        new(new ConnectorAuthorizationHandler(mode, tokens, trusted) { InnerHandler = new SocketsHttpHandler() });

    [Fact]
    public async Task Token_is_attached_to_a_request_under_a_trusted_service_url()
    {
        var (server, seen) = await ConnectorAsync();
        await using var _ = server;
        var trusted = new TrustedServiceUrls();
        trusted.Trust(server.BaseUrl.ToString());
        using var client = Client(BotAuthenticationMode.Enabled, new FixedTokens("bot-token"), trusted);

        using var response = await client.PostAsync(server.Url("v3/conversations/c1/activities"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer bot-token", Assert.Single(seen));
    }

    [Fact]
    public async Task Request_to_an_untrusted_service_url_is_refused_before_anything_is_sent()
    {
        var (server, seen) = await ConnectorAsync();
        await using var _ = server;
        using var client = Client(BotAuthenticationMode.Enabled, new FixedTokens("bot-token"), new TrustedServiceUrls());

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            client.PostAsync(server.Url("v3/conversations/c1/activities"), new StringContent("{}")));

        Assert.Empty(seen);
    }

    [Fact]
    public async Task With_authentication_disabled_requests_go_out_without_a_token()
    {
        var (server, seen) = await ConnectorAsync();
        await using var _ = server;
        using var client = Client(BotAuthenticationMode.Disabled, new FixedTokens(null), new TrustedServiceUrls());

        using var response = await client.PostAsync(server.Url("v3/conversations/c1/activities"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Assert.Single(seen));
    }

    [Fact]
    public async Task A_401_from_the_connector_invalidates_the_cached_token()
    {
        var (server, _) = await ConnectorAsync(status: 401);
        await using var __ = server;
        var trusted = new TrustedServiceUrls();
        trusted.Trust(server.BaseUrl.ToString());
        var tokens = new FixedTokens("stale-token");
        using var client = Client(BotAuthenticationMode.Enabled, tokens, trusted);

        using var response = await client.PostAsync(server.Url("v3/conversations/c1/activities"), new StringContent("{}"));

        Assert.Equal(1, tokens.Invalidations);
    }

    [Fact]
    public async Task Forged_service_url_in_an_activity_never_receives_the_bots_token()
    {
        // End to end: a genuine Bot Connector token, but the activity names the attacker's server.
        await using var h = await AuthHarness.StartAsync();
        var (attacker, seen) = await ConnectorAsync();
        await using var _ = attacker;
        var forgedServiceUrl = attacker.BaseUrl.ToString();

        var auth = await h.AuthenticateAsync(h.BotConnectorToken(), serviceUrl: forgedServiceUrl);
        using var client = Client(BotAuthenticationMode.Enabled, new FixedTokens("bot-token"), h.Trusted);
        var send = () => client.PostAsync(new Uri(new Uri(forgedServiceUrl), "v3/conversations/c1/activities"), new StringContent("{}"));

        Assert.Equal(AuthenticationFailure.ServiceUrlMismatch, auth.Failure);
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(send);
        Assert.Empty(seen);
    }
}
