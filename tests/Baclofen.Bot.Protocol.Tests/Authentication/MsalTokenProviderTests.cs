using System.Net;
using Baclofen.Bot.Protocol.Authentication;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>Outbound tokens with a client secret, through MSAL and our <see cref="MsalHttpClientFactory"/>,
/// from a token endpoint on 127.0.0.1.</summary>
public sealed class MsalTokenProviderTests : IAsyncLifetime
{
    private const string Secret = "test-secret-not-real";
    private TokenEndpoint _endpoint = null!;
    private readonly List<IDisposable> _disposables = [];

    public async Task InitializeAsync() => _endpoint = await TokenEndpoint.StartAsync();

    public async Task DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        _disposables.ForEach(d => d.Dispose());
    }

    private MsalTokenProvider Provider(string? appId = AuthHarness.AppId, string? template = null)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppId = appId,
            MicrosoftAppPassword = appId is null ? null : Secret,
            BotFrameworkAuthentication = new BotFrameworkEndpoints { TokenEndpointTemplate = template ?? _endpoint.Template },
        };
        var http = new MsalHttpClientFactory(options);
        _disposables.Add(http);
        return new MsalTokenProvider(options, http);
    }

    [Fact]
    public async Task Client_secret_is_posted_as_a_client_credentials_request_for_the_bot_framework_scope()
    {
        var token = await Provider().GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        var form = Assert.Single(_endpoint.Forms);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AuthHarness.AppId, form["client_id"]);
        Assert.Equal(Secret, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task The_token_is_cached_so_a_second_call_does_not_reach_the_identity_provider()
    {
        var provider = Provider();

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal(first, second);
        Assert.Equal(1, _endpoint.Requests);
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
        Assert.DoesNotContain(Secret, ex.ToString());
        Assert.DoesNotContain("AADSTS", ex.ToString());
    }

    [Fact]
    public async Task A_429_with_Retry_After_surfaces_as_our_error_and_MSAL_holds_back_until_then()
    {
        var provider = Provider();
        _endpoint.FailWithStatus = 429;
        _endpoint.RetryAfterSeconds = 120;

        var first = await Assert.ThrowsAsync<BotTokenRequestException>(() => provider.GetTokenAsync(CancellationToken.None));
        _endpoint.FailWithStatus = null;
        var second = await Assert.ThrowsAsync<BotTokenRequestException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(1, _endpoint.Requests); // the second was throttled by MSAL, not sent
    }

    [Fact]
    public async Task A_server_error_surfaces_as_our_error_and_the_next_call_tries_again()
    {
        var provider = Provider();
        _endpoint.FailWithStatus = 503;

        var ex = await Assert.ThrowsAsync<BotTokenRequestException>(() => provider.GetTokenAsync(CancellationToken.None));
        var failedRequests = _endpoint.Requests;
        _endpoint.FailWithStatus = null;
        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(2, failedRequests); // MSAL retries a 5xx once
        Assert.Equal("token-1", token);
    }

    [Fact]
    public async Task Invalidate_forces_a_new_token()
    {
        var provider = Provider();
        await provider.GetTokenAsync(CancellationToken.None);

        provider.Invalidate();
        var token = await provider.GetTokenAsync(CancellationToken.None);
        var cached = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", token);
        Assert.Equal("token-2", cached);
        Assert.Equal(2, _endpoint.Requests);
    }

    [Fact]
    public async Task Unreachable_endpoint_is_reported_as_a_token_request_failure()
    {
        var template = _endpoint.Template;
        await _endpoint.Server.DisposeAsync();
        var provider = Provider(template: template);

        var ex = await Assert.ThrowsAsync<BotTokenRequestException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Null(ex.StatusCode);
        Assert.DoesNotContain(Secret, ex.ToString());
        _endpoint = await TokenEndpoint.StartAsync(); // so DisposeAsync has something to stop
    }
}
