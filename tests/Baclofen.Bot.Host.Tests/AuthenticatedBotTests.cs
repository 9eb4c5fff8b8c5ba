using System.Net;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// The host with MicrosoftAppId and MicrosoftAppPassword set, its identity traffic pointed at a loopback
/// Bot Connector identity provider and token endpoint: inbound tokens are checked before a turn runs, and
/// replies carry the bot's own token only to the service URL an authenticated activity came from.
/// </summary>
public sealed class AuthenticatedBotTests : IAsyncLifetime
{
    private BotConnectorIdentity _identity = null!;
    private TestChannelServer _channel = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _identity = await BotConnectorIdentity.StartAsync();
        _channel = await TestChannelServer.StartAsync();
        // No typing indicators: each test counts exactly what reaches the connector.
        _bot = await RunningBot.StartAsync([.. _identity.BotArgs(), "--Bot:TypingDelayMs=600000"]);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private JsonObject Message(string text = "how long does baclofen take to work") =>
        WithText(Fixtures.Activity("emulator-message-personal.json", _channel.ServiceUrl), text);

    private static JsonObject WithText(JsonObject activity, string text)
    {
        activity["text"] = text;
        return activity;
    }

    private string GoodToken() => _identity.BotConnectorToken(_channel.ServiceUrl);

    [Fact]
    public async Task Bot_Connector_token_gets_200_and_the_reply_carries_the_bots_token_from_the_token_endpoint()
    {
        using var response = await _bot.PostActivityAsync(Message(), GoodToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _channel.NextMessageAsync();
        Assert.Equal("Bearer token-1", reply.Authorization);
        var form = Assert.Single(_identity.Tokens.Forms);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(BotConnectorIdentity.AppId, form["client_id"]);
    }

    [Fact]
    public async Task Request_without_a_token_is_401_with_an_empty_body_and_nothing_is_posted()
    {
        using var response = await _bot.PostActivityAsync(Message(), bearerToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        AssertNothingPosted(_channel);
        Assert.Contains("MissingAuthorizationHeader", _bot.Logs.All);
    }

    [Fact]
    public async Task Token_with_a_forged_signature_is_401_and_nothing_is_posted()
    {
        var forged = _identity.BotConnectorToken(_channel.ServiceUrl, _identity.SigningKey.ForgedCredentials);

        using var response = await _bot.PostActivityAsync(Message(), forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        AssertNothingPosted(_channel);
        Assert.DoesNotContain(forged, _bot.Logs.All);
    }

    [Fact]
    public async Task Activity_whose_service_url_differs_from_the_tokens_claim_is_401_and_the_forged_url_receives_nothing()
    {
        await using var attacker = await TestChannelServer.StartAsync();
        var activity = Fixtures.Activity("emulator-message-personal.json", attacker.ServiceUrl);

        using var response = await _bot.PostActivityAsync(activity, GoodToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertNothingPosted(attacker);
        Assert.Equal(0, attacker.RequestCount);
        Assert.Contains("ServiceUrlMismatch", _bot.Logs.All);
    }

    [Fact]
    public async Task Connector_answering_503_then_success_gets_the_reply_once_with_the_token_on_each_attempt()
    {
        _channel.ScriptedStatuses.Enqueue(503);

        using var response = await _bot.PostActivityAsync(Message(), GoodToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _channel.NextMessageAsync();
        Assert.Equal("Bearer token-1", reply.Authorization);
        Assert.Equal(2, _channel.RequestCount);
        Assert.Equal(1, _channel.ReceivedCount);
        Assert.False(_channel.TryTake(out _));
    }

    [Fact]
    public async Task Connector_always_failing_is_logged_by_conversation_id_without_the_text_and_the_next_request_is_answered()
    {
        _channel.ResponseStatus = 500;

        using (var response = await _bot.PostActivityAsync(Message("can I take 90 mg of baclofen tonight"), GoodToken()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var logs = _bot.Logs.All;
        Assert.Contains("Reply to conversation fa31bca6-6d74-4974-b32e-a25000a8cd2a failed", logs);
        Assert.DoesNotContain("90 mg", logs);
        Assert.DoesNotContain("token-1", logs);

        _channel.ResponseStatus = 201;
        using (var next = await _bot.PostActivityAsync(Message(), GoodToken()))
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        Assert.Equal("Bearer token-1", (await _channel.NextMessageAsync()).Authorization);
    }

    [Fact]
    public async Task Token_endpoint_refusing_the_bot_is_logged_and_the_channel_still_gets_200()
    {
        _identity.Tokens.FailWithStatus = 401;

        using var response = await _bot.PostActivityAsync(Message(), GoodToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _channel.RequestCount);
        Assert.Contains("Reply to conversation fa31bca6-6d74-4974-b32e-a25000a8cd2a failed: BotTokenRequestException", _bot.Logs.All);
    }

    /// <summary>The bot answers only after its turn, so anything it would post has been posted by then.</summary>
    private static void AssertNothingPosted(TestChannelServer channel) => Assert.Equal(0, channel.RequestCount);
}
