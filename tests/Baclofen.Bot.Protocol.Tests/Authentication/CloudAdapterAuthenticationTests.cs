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

/// <summary>The adapter with authentication on: every request is authenticated before its turn runs.</summary>
public sealed class CloudAdapterAuthenticationTests : IAsyncLifetime
{
    private readonly StubHttp _http = new();
    private readonly ListLogger<CloudAdapter> _log = new();
    private AuthHarness _h = null!;
    private int _turns;

    public async Task InitializeAsync() => _h = await AuthHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private CloudAdapter Adapter() => new(
        new ConnectorClient(_http, new ListLogger<ConnectorClient>()),
        _h.Authenticator,
        [],
        Options.Create(new BotProtocolOptions()),
        _log);

    private sealed class CountingBot(Action onTurn) : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            onTurn();
            return turnContext.SendActivityAsync(MessageFactory.Text("hi"), cancellationToken);
        }
    }

    private static JsonObject Message(string? serviceUrl = AuthHarness.ServiceUrl)
    {
        var activity = Fixtures.Json("emulator-message-personal.json");
        activity["channelId"] = AuthHarness.ChannelId;
        activity["serviceUrl"] = serviceUrl;
        return activity;
    }

    private async Task<(int Status, string Body)> PostAsync(JsonObject activity, string? authorization)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        var bytes = Encoding.UTF8.GetBytes(activity.ToJsonString());
        http.Request.Body = new MemoryStream(bytes);
        http.Request.ContentLength = bytes.Length;
        var responseBody = new MemoryStream();
        http.Response.Body = responseBody;

        await Adapter().ProcessAsync(http.Request, http.Response, new CountingBot(() => Interlocked.Increment(ref _turns)));

        return (http.Response.StatusCode, Encoding.UTF8.GetString(responseBody.ToArray()));
    }

    [Fact]
    public async Task Valid_Bot_Connector_token_runs_the_turn_and_trusts_the_service_url()
    {
        var (status, _) = await PostAsync(Message(), "Bearer " + _h.BotConnectorToken());

        Assert.Equal(200, status);
        Assert.Equal(1, _turns);
        Assert.Single(_http.Requests);
        Assert.True(_h.Trusted.IsTrusted(AuthHarness.ServiceUrl));
    }

    public static TheoryData<string, string?> Refusals => new()
    {
        { "no header", null },
        { "empty header", "" },
        { "basic scheme", "Basic dXNlcjpwYXNz" },
        { "not a jwt", "Bearer not-a-token" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Request_without_a_valid_token_is_401_with_an_empty_body_and_no_turn(string _, string? authorization)
    {
        var (status, body) = await PostAsync(Message(), authorization);

        Assert.Equal(401, status);
        Assert.Equal("", body);
        Assert.Equal(0, _turns);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task Token_signed_by_another_key_is_401()
    {
        var forged = _h.BotConnectorToken(signWith: _h.BotConnectorKey.ForgedCredentials);

        var (status, _) = await PostAsync(Message(), "Bearer " + forged);

        Assert.Equal(401, status);
        Assert.Equal(0, _turns);
    }

    [Fact]
    public async Task Service_url_other_than_the_tokens_claim_is_401_and_is_not_trusted()
    {
        const string forged = "https://attacker.example/amer/";

        var (status, _) = await PostAsync(Message(forged), "Bearer " + _h.BotConnectorToken());

        Assert.Equal(401, status);
        Assert.Equal(0, _turns);
        Assert.Empty(_http.Requests);
        Assert.False(_h.Trusted.IsTrusted(forged));
    }

    [Fact]
    public async Task Invalid_activity_from_an_anonymous_caller_is_401_not_a_description_of_the_problem()
    {
        var activity = Message();
        activity.Remove("conversation");

        var (anonymous, anonymousBody) = await PostAsync(activity, null);
        var (authenticated, authenticatedBody) = await PostAsync(activity, "Bearer " + _h.BotConnectorToken());

        Assert.Equal(401, anonymous);
        Assert.Equal("", anonymousBody);
        Assert.Equal(400, authenticated);
        Assert.Contains("MissingProperty", authenticatedBody);
    }

    public static TheoryData<string, string> BodiesThatWouldBe4xx => new()
    {
        { "malformed", "{\"type\":" },
        { "over the list limit", "{\"type\":\"message\",\"attachments\":[" + string.Join(",", Enumerable.Repeat("{}", 24_000)) + "]}" },
        { "over the byte limit", new string(' ', 300 * 1024) },
    };

    [Theory]
    [MemberData(nameof(BodiesThatWouldBe4xx))]
    public async Task A_bad_token_is_401_before_a_byte_of_the_body_is_read(string _, string body)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.Headers.Authorization = "Bearer x";
        var bytes = Encoding.UTF8.GetBytes(body);
        var stream = new CountingStream(bytes);
        http.Request.Body = stream;
        http.Request.ContentLength = bytes.Length;
        http.Response.Body = new MemoryStream();

        await Adapter().ProcessAsync(http.Request, http.Response, new CountingBot(() => Interlocked.Increment(ref _turns)));

        Assert.Equal(401, http.Response.StatusCode);
        Assert.Equal(0, stream.BytesRead);
        Assert.Equal(0, _turns);
    }

    [Fact]
    public async Task A_valid_token_with_an_over_limit_body_gets_the_limit_400()
    {
        var activity = Message();
        activity["entities"] = new JsonArray(Enumerable.Range(0, 1000).Select(_ => (JsonNode)new JsonObject()).ToArray());

        var (status, body) = await PostAsync(activity, "Bearer " + _h.BotConnectorToken());

        Assert.Equal(400, status);
        Assert.Contains("BadArgument", body);
        Assert.Equal(0, _turns);
    }

    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(base.Read(buffer));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Count(base.Read(buffer, offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Count(base.Read(buffer.Span)));

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
