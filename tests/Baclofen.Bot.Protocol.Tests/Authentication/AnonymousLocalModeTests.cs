using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Authentication;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Connector;
using Baclofen.Bot.Protocol.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>With no app id the adapter serves this machine only: loopback clients, loopback serviceUrls.</summary>
public sealed class AnonymousLocalModeTests
{
    private readonly StubHttp _http = new();
    private readonly ListLogger<CloudAdapter> _log = new();
    private int _turns;

    private CloudAdapter Adapter(bool allowNetwork = false) => new(
        new ConnectorClient(_http, new ListLogger<ConnectorClient>()),
        new BotFrameworkAuthenticator(new BotAuthenticationOptions(), new HttpClient(), new TrustedServiceUrls()),
        [],
        Options.Create(new BotProtocolOptions { AllowAnonymousFromNetwork = allowNetwork }),
        _log);

    private sealed class CountingBot(Action onTurn) : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            onTurn();
            return turnContext.SendActivityAsync(MessageFactory.Text("hi"), cancellationToken);
        }
    }

    private async Task<int> PostAsync(CloudAdapter adapter, string? remote, string serviceUrl = "http://localhost:56150/_connector")
    {
        var activity = Fixtures.Json("emulator-message-personal.json");
        activity["serviceUrl"] = serviceUrl;
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(activity.ToJsonString());
        http.Request.Body = new MemoryStream(bytes);
        http.Request.ContentLength = bytes.Length;
        http.Response.Body = new MemoryStream();

        await adapter.ProcessAsync(http.Request, http.Response, new CountingBot(() => _turns++));
        return http.Response.StatusCode;
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task A_loopback_client_runs_its_turn(string remote)
    {
        Assert.Equal(200, await PostAsync(Adapter(), remote));
        Assert.Equal(1, _turns);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("203.0.113.9")]
    public async Task A_client_from_the_network_is_401_and_told_how_to_configure_an_app_id(string remote)
    {
        var adapter = Adapter();

        Assert.Equal(401, await PostAsync(adapter, remote));
        Assert.Equal(401, await PostAsync(adapter, remote));

        Assert.Equal(0, _turns);
        Assert.Empty(_http.Requests);
        // Once a minute at most, and it names the setting.
        Assert.Single(_log.Lines, l => l.Contains("set MicrosoftAppId", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("http://10.0.0.1:8080/")]
    public async Task A_serviceUrl_off_this_machine_is_401_and_never_called(string serviceUrl)
    {
        Assert.Equal(401, await PostAsync(Adapter(), "127.0.0.1", serviceUrl));

        Assert.Equal(0, _turns);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task Allowing_the_network_lifts_both_checks()
    {
        var adapter = Adapter(allowNetwork: true);

        Assert.Equal(200, await PostAsync(adapter, "203.0.113.9"));
        Assert.Equal(200, await PostAsync(adapter, "127.0.0.1", "http://10.0.0.1:8080/"));
        Assert.Equal(2, _turns);
    }
}
