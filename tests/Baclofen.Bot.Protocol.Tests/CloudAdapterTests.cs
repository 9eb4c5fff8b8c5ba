using System.Text;
using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Authentication;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Connector;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Tests;

public class CloudAdapterTests
{
    private readonly StubHttp _http = new();
    private readonly ListLogger<CloudAdapter> _log = new();

    private CloudAdapter Adapter(int maxBody = 256 * 1024) => new(
        new ConnectorClient(_http, new ListLogger<ConnectorClient>()),
        new BotFrameworkAuthenticator(new BotAuthenticationOptions(), new HttpClient(), new TrustedServiceUrls()),
        [],
        Options.Create(new BotProtocolOptions { MaxRequestBodyBytes = maxBody }),
        _log);

    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text("echo: " + turnContext.Activity.Text), cancellationToken);
    }

    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("retrieval index missing");
    }

    private static async Task<(int Status, string Body)> PostAsync(CloudAdapter adapter, IBot bot, string body, string? contentType = "application/json", bool declareLength = true)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        http.Request.Body = new MemoryStream(bytes);
        http.Request.ContentLength = declareLength ? bytes.Length : null;
        var responseBody = new MemoryStream();
        http.Response.Body = responseBody;

        await adapter.ProcessAsync(http.Request, http.Response, bot);

        return (http.Response.StatusCode, Encoding.UTF8.GetString(responseBody.ToArray()));
    }

    [Fact]
    public async Task Message_turn_answers_200_with_no_body_and_posts_the_reply()
    {
        var (status, body) = await PostAsync(Adapter(), new EchoBot(), Fixtures.Text("emulator-message-personal.json"));

        Assert.Equal(200, status);
        Assert.Equal("", body);
        var (request, sent) = Assert.Single(_http.Requests);
        Assert.EndsWith("/activities/8696a13c-b2ba-4804-8c0d-a6e2cc02ccf2", request.RequestUri!.AbsoluteUri);
        Assert.Equal("echo: hello from playwright (emulator)", JsonNode.Parse(sent)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExpectReplies_turn_returns_the_replies_in_the_body_and_posts_nothing()
    {
        var (status, body) = await PostAsync(Adapter(), new EchoBot(), Fixtures.Text("emulator-expectReplies-message.json"));

        Assert.Equal(200, status);
        Assert.Empty(_http.Requests);
        var activities = JsonNode.Parse(body)!["activities"]!.AsArray();
        var reply = Assert.Single(activities)!;
        Assert.Equal("echo: What are your opening hours?", reply["text"]!.GetValue<string>());
        Assert.Equal("9c765930-3242-4799-b249-26ee58ff7f98", reply["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExpectReplies_without_serviceUrl_is_accepted()
    {
        var activity = Fixtures.Json("emulator-expectReplies-message.json");
        activity.Remove("serviceUrl");

        var (status, body) = await PostAsync(Adapter(), new EchoBot(), activity.ToJsonString());

        Assert.Equal(200, status);
        Assert.Single(JsonNode.Parse(body)!["activities"]!.AsArray());
    }

    [Fact]
    public async Task Bot_failure_is_logged_without_the_text_and_the_user_gets_an_apology()
    {
        var (status, _) = await PostAsync(Adapter(), new FailingBot(), Fixtures.Text("emulator-message-personal.json"));

        Assert.Equal(200, status);
        var apology = JsonNode.Parse(Assert.Single(_http.Requests).Body)!;
        Assert.StartsWith("Sorry, something went wrong", apology["text"]!.GetValue<string>());
        Assert.Contains("retrieval index missing", _log.All);
        Assert.Contains("fa31bca6-6d74-4974-b32e-a25000a8cd2a", _log.All);
        Assert.DoesNotContain("hello from playwright", _log.All);
    }

    [Fact]
    public async Task Undeliverable_reply_is_logged_with_the_conversation_id_and_no_apology_is_attempted()
    {
        _http.Status = System.Net.HttpStatusCode.InternalServerError;

        var (status, _) = await PostAsync(Adapter(), new EchoBot(), Fixtures.Text("emulator-message-personal.json"));

        Assert.Equal(200, status);
        Assert.Single(_http.Requests); // the reply only: the connector that just failed gets no apology
        Assert.Contains("Reply to conversation fa31bca6-6d74-4974-b32e-a25000a8cd2a failed: InternalServerError", _log.All);
        Assert.DoesNotContain("hello from playwright", _log.All);
    }

    [Fact]
    public async Task Bot_failure_with_the_connector_down_is_still_a_handled_turn()
    {
        _http.Status = System.Net.HttpStatusCode.ServiceUnavailable;

        var (status, _) = await PostAsync(Adapter(), new FailingBot(), Fixtures.Text("emulator-message-personal.json"));

        Assert.Equal(200, status);
        Assert.Single(_http.Requests); // the apology, which the connector refused
        Assert.Contains("retrieval index missing", _log.All);
        Assert.Contains("Reply to conversation fa31bca6-6d74-4974-b32e-a25000a8cd2a failed: ServiceUnavailable", _log.All);
    }

    [Fact]
    public async Task Custom_turn_error_handler_replaces_the_default()
    {
        var adapter = Adapter();
        Exception? seen = null;
        adapter.OnTurnError = (_, ex) => { seen = ex; return Task.CompletedTask; };

        await PostAsync(adapter, new FailingBot(), Fixtures.Text("emulator-message-personal.json"));

        Assert.IsType<InvalidOperationException>(seen);
        Assert.Empty(_http.Requests);
    }

    public static TheoryData<string, string?, int, string> BadRequests => new()
    {
        { "{\"type\":", "application/json", 400, "BadSyntax" },
        { "[]", "application/json", 400, "BadSyntax" },
        { "null", "application/json", 400, "BadSyntax" },
        { "", "application/json", 400, "BadSyntax" },
        { "{\"type\":\"message\",\"conversation\":\"c\"}", "application/json", 400, "BadSyntax" },
        { "{\"type\":\"message\"}", "text/plain", 415, "UnsupportedMediaType" },
        { "{\"type\":\"message\"}", null, 415, "UnsupportedMediaType" },
        { "{\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:1\"}", "application/json", 400, "MissingProperty" },
        { "{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:1\"}", "application/json", 400, "MissingProperty" },
        { "{\"type\":\"message\",\"conversation\":{},\"serviceUrl\":\"http://127.0.0.1:1\"}", "application/json", 400, "MissingProperty" },
        { "{\"type\":\"message\",\"conversation\":{\"id\":\"c\"}}", "application/json", 400, "MissingProperty" },
        { "{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"/relative\"}", "application/json", 400, "BadArgument" },
        { "{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"ftp://127.0.0.1/x\"}", "application/json", 400, "BadArgument" },
        { "{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:1\",\"attachments\":[" + string.Join(",", Enumerable.Repeat("{}", 300)) + "]}", "application/json", 400, "BadArgument" },
        // Every list within its limit, but more JSON values in all than an activity ever needs.
        { "{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:1\",\"entities\":[" + string.Join(",", Enumerable.Repeat("{\"l\":[" + string.Join(",", Enumerable.Repeat("{\"a\":1,\"b\":2}", 200)) + "]}", 8)) + "]}", "application/json", 413, "RequestTooLarge" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_request_gets_a_4xx_with_a_json_error_and_never_reaches_the_bot(string body, string? contentType, int expectedStatus, string expectedCode)
    {
        var (status, responseBody) = await PostAsync(Adapter(), new FailingBot(), body, contentType);

        Assert.Equal(expectedStatus, status);
        var error = JsonNode.Parse(responseBody)!["error"]!;
        Assert.Equal(expectedCode, error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
        Assert.Empty(_http.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // chunked: no Content-Length, the limit applies while reading
    public async Task Body_over_the_configured_limit_is_413(bool declareLength)
    {
        var (status, body) = await PostAsync(Adapter(maxBody: 256), new EchoBot(), Fixtures.Text("emulator-message-personal.json"), declareLength: declareLength);

        Assert.Equal(413, status);
        Assert.Contains("256", body);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task Json_content_type_with_charset_is_accepted()
    {
        var (status, _) = await PostAsync(Adapter(), new EchoBot(), Fixtures.Text("emulator-message-personal.json"), "application/json; charset=utf-8");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Activity_type_the_bot_does_not_handle_is_200_with_no_reply()
    {
        var activity = Fixtures.Json("emulator-message-personal.json");
        activity["type"] = "somethingNew";

        var (status, body) = await PostAsync(Adapter(), new EchoBot(), activity.ToJsonString());

        Assert.Equal(200, status);
        Assert.Equal("", body);
        Assert.Empty(_http.Requests);
    }
}
