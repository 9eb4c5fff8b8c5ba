using System.Net;
using Baclofen.Bot.Protocol.Authentication;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

public sealed class ClientCredentialsTokenProviderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly HttpClient _http = new();
    private TokenEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await TokenEndpoint.StartAsync();

    public async Task DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        _http.Dispose();
    }

    private ClientCredentialsTokenProvider Provider(string? appId = AuthHarness.AppId) => new(
        new BotAuthenticationOptions
        {
            MicrosoftAppId = appId,
            MicrosoftAppPassword = appId is null ? null : "test-secret-not-real",
            BotFrameworkAuthentication = new BotFrameworkEndpoints { TokenEndpointTemplate = _endpoint.Template },
        },
        _http,
        _time);

    [Fact]
    public async Task Posts_a_client_credentials_form_for_the_bot_framework_scope()
    {
        var token = await Provider().GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        var form = Assert.Single(_endpoint.Forms);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AuthHarness.AppId, form["client_id"]);
        Assert.Equal("test-secret-not-real", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task Cached_token_is_reused_until_five_minutes_before_expiry()
    {
        var provider = Provider();

        var first = await provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(first, stillCached);
        Assert.Equal(1, _endpoint.Requests);
    }

    [Fact]
    public async Task Token_is_fetched_again_once_it_is_within_five_minutes_of_expiry()
    {
        var provider = Provider();

        var first = await provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(55));
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-2", second);
        Assert.Equal(2, _endpoint.Requests);
    }

    [Fact]
    public async Task Twenty_concurrent_callers_share_one_token_request()
    {
        var provider = Provider();
        _endpoint.Latency = TimeSpan.FromMilliseconds(300);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => provider.GetTokenAsync(CancellationToken.None))));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, _endpoint.Requests);
    }

    [Fact]
    public async Task Without_an_app_id_there_is_no_token_and_no_request()
    {
        var token = await Provider(appId: null).GetTokenAsync(CancellationToken.None);

        Assert.Null(token);
        Assert.Equal(0, _endpoint.Requests);
    }

    [Fact]
    public async Task Refused_credentials_surface_the_status_and_oauth_error_but_not_the_secret()
    {
        _endpoint.FailWithStatus = 401;

        var ex = await Assert.ThrowsAsync<BotTokenRequestException>(() => Provider().GetTokenAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("invalid_client", ex.Error);
        Assert.DoesNotContain("test-secret-not-real", ex.Message);
        Assert.DoesNotContain("AADSTS", ex.Message);
    }

    [Fact]
    public async Task A_failed_request_is_not_cached_so_the_next_call_tries_again()
    {
        var provider = Provider();
        _endpoint.FailWithStatus = 500;
        await Assert.ThrowsAsync<BotTokenRequestException>(() => provider.GetTokenAsync(CancellationToken.None));

        _endpoint.FailWithStatus = null;
        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        Assert.Equal(2, _endpoint.Requests);
    }

    [Fact]
    public async Task Invalidate_forces_a_new_token()
    {
        var provider = Provider();
        await provider.GetTokenAsync(CancellationToken.None);

        provider.Invalidate();
        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", token);
    }

    [Fact]
    public async Task Unreachable_endpoint_is_reported_as_a_token_request_failure()
    {
        var endpointUrl = _endpoint.Template;
        await _endpoint.Server.DisposeAsync();
        var provider = new ClientCredentialsTokenProvider(
            new BotAuthenticationOptions
            {
                MicrosoftAppId = AuthHarness.AppId,
                MicrosoftAppPassword = "test-secret-not-real",
                BotFrameworkAuthentication = new BotFrameworkEndpoints { TokenEndpointTemplate = endpointUrl },
            },
            _http,
            _time);

        var ex = await Assert.ThrowsAsync<BotTokenRequestException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Null(ex.StatusCode);
        _endpoint = await TokenEndpoint.StartAsync(); // so DisposeAsync has something to stop
    }
}
