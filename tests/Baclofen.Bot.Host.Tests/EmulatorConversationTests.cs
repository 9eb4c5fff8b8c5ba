using Baclofen.Bot.Pipeline;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// The captured Emulator conversation replayed over real HTTP: the bot under test on one
/// loopback port, a stand-in connector on another, replies checked as they arrive on the wire.
/// </summary>
public sealed class EmulatorConversationTests : IAsyncLifetime
{
    private TestChannelServer _channel = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _channel = await TestChannelServer.StartAsync();
        _bot = await RunningBot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private async Task PostOkAsync(JsonObject activity)
    {
        using var response = await _bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task User_joining_gets_one_welcome_posted_as_a_reply_to_the_conversationUpdate()
    {
        var update = Fixtures.Activity("emulator-conversationUpdate-personal.json", _channel.ServiceUrl);

        await PostOkAsync(update);

        var welcome = await _channel.NextMessageAsync();
        Assert.Equal(
            "/_connector/v3/conversations/fa31bca6-6d74-4974-b32e-a25000a8cd2a/activities/188db81e-75e7-445b-8fe0-894ab364acbc",
            welcome.RawPath);
        Assert.Equal("message", welcome.Type);
        Assert.Equal(BotTexts.Welcome, welcome.Text);
        Assert.Equal("smalltalk", welcome.FaqBotKind);
        Assert.Equal("markdown", welcome.Body["textFormat"]!.GetValue<string>());
        Assert.Equal("user-id-0", welcome.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("00000000-0000-0000-0000-00000000000011", welcome.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("", welcome.Authorization);
        // Both the user and the bot were in membersAdded; the bot joining earns no second welcome.
        Assert.Equal(1, _channel.ReceivedCount);
    }

    [Fact]
    public async Task Only_the_bot_joining_gets_no_welcome()
    {
        var update = Fixtures.Activity("emulator-conversationUpdate-personal.json", _channel.ServiceUrl);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "00000000-0000-0000-0000-00000000000011" });

        await PostOkAsync(update);

        Assert.Equal(0, _channel.ReceivedCount);
    }

    [Fact]
    public async Task Reply_is_posted_to_serviceUrl_with_replyToId_and_the_reply_contract()
    {
        var message = Fixtures.Activity("emulator-message-personal.json", _channel.ServiceUrl);

        await PostOkAsync(message);

        var reply = await _channel.NextMessageAsync();
        Assert.Equal(
            "/_connector/v3/conversations/fa31bca6-6d74-4974-b32e-a25000a8cd2a/activities/8696a13c-b2ba-4804-8c0d-a6e2cc02ccf2",
            reply.RawPath);
        Assert.Equal("message", reply.Type);
        Assert.Equal("8696a13c-b2ba-4804-8c0d-a6e2cc02ccf2", reply.Body["replyToId"]!.GetValue<string>());
        Assert.Equal("fallback", reply.FaqBotKind);
        Assert.Equal("markdown", reply.Body["textFormat"]!.GetValue<string>());
        Assert.Equal("user-id-0", reply.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("emulator", reply.Body["channelId"]!.GetValue<string>());
        Assert.Equal("fa31bca6-6d74-4974-b32e-a25000a8cd2a", reply.Body["conversation"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reply_is_posted_to_serviceUrl_with_escaped_conversation_id()
    {
        var message = Fixtures.Activity("emulator-message-channel-mention.json", _channel.ServiceUrl);

        await PostOkAsync(message);

        var reply = await _channel.NextMessageAsync();
        Assert.Equal(
            "/_connector/v3/conversations/team-id%3Bmessageid%3D1795224238409/activities/3cf3e9a9-1be1-4037-bfa4-ffccab2f416e",
            reply.RawPath);
        Assert.Equal("team-id;messageid=1795224238409", reply.Body["conversation"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExpectReplies_conversation_gets_its_replies_in_the_response_and_nothing_is_posted()
    {
        var update = Fixtures.Activity("emulator-expectReplies-conversationUpdate.json", _channel.ServiceUrl);
        var message = Fixtures.Activity("emulator-expectReplies-message.json", _channel.ServiceUrl);

        var welcome = await PostExpectingRepliesAsync(update);
        var answer = await PostExpectingRepliesAsync(message);

        Assert.Equal(BotTexts.Welcome, welcome["text"]!.GetValue<string>());
        Assert.Equal("smalltalk", welcome["channelData"]!["faqBot"]!["kind"]!.GetValue<string>());
        // This test is about delivery, not retrieval quality (the evaluation and the Knowledge
        // tests own that): the reply must carry the reply contract with one of its kinds.
        Assert.Contains(answer["channelData"]!["faqBot"]!["kind"]!.GetValue<string>(), new[] { "answer", "fallback", "clarify", "smalltalk" });
        Assert.Equal("9c765930-3242-4799-b249-26ee58ff7f98", answer["replyToId"]!.GetValue<string>());
        Assert.Equal("user-id-0", answer["recipient"]!["id"]!.GetValue<string>());
        // The bot answers only after its turn is over, so anything it posted would be here by now.
        Assert.Equal(0, _channel.ReceivedCount);
    }

    private async Task<JsonNode> PostExpectingRepliesAsync(JsonObject activity)
    {
        using var response = await _bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var activities = body!["activities"]!.AsArray();
        Assert.DoesNotContain(activities, a => a!["type"]!.GetValue<string>() == "typing");
        return Assert.Single(activities)!;
    }

    [Fact]
    public async Task Failed_reply_is_logged_with_the_conversation_id_and_never_the_message_text()
    {
        _channel.ResponseStatus = 500;
        var message = Fixtures.Activity("emulator-message-personal.json", _channel.ServiceUrl);
        message["text"] = "can I take 80 mg of baclofen tonight";

        using var response = await _bot.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logs = _bot.Logs.All;
        Assert.Contains("fa31bca6-6d74-4974-b32e-a25000a8cd2a", logs);
        Assert.Contains("500", logs);
        Assert.DoesNotContain("80 mg", logs);
    }

    [Fact]
    public async Task Message_text_reaches_the_logs_only_when_LogMessageText_is_on()
    {
        await using var verbose = await RunningBot.StartAsync(["--Bot:LogMessageText=true"]);
        var message = Fixtures.Activity("emulator-message-personal.json", _channel.ServiceUrl);
        message["text"] = "is 5 mg three times a day normal";

        using (var response = await verbose.PostActivityAsync(message))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var response = await _bot.PostActivityAsync(message))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Contains("is 5 mg three times a day normal", verbose.Logs.All);
        Assert.DoesNotContain("5 mg", _bot.Logs.All);
    }
}
