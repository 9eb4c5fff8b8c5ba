using System.Net;
using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Connector;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Tests.Support;

namespace Baclofen.Bot.Protocol.Tests;

public class ConnectorClientTests
{
    private readonly StubHttp _http = new();
    private readonly ListLogger<ConnectorClient> _log = new();

    private ConnectorClient Client() => new(_http, _log);

    private static Activity ReplyTo(string fixture, string text)
    {
        var incoming = Fixtures.Activity(fixture);
        return MessageFactory.Text(text).ApplyConversationReference(incoming.GetConversationReference());
    }

    [Fact]
    public async Task Reply_is_posted_to_the_replyToId_route_with_the_Teams_channel_id_escaped()
    {
        var response = await Client().SendAsync(ReplyTo("emulator-message-channel-mention.json", "hi"), default);

        var (request, body) = Assert.Single(_http.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(
            "http://localhost:56150/_connector/v3/conversations/team-id%3Bmessageid%3D1795224238409/activities/3cf3e9a9-1be1-4037-bfa4-ffccab2f416e",
            request.RequestUri!.AbsoluteUri);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), request.Content.Headers.ContentLength);
        Assert.Equal("hi", JsonNode.Parse(body)!["text"]!.GetValue<string>());
        Assert.Equal("1795224228449", response.Id);
    }

    [Fact]
    public async Task Activity_without_replyToId_is_sent_to_the_conversation()
    {
        var activity = ReplyTo("emulator-message-personal.json", "hi");
        activity.ReplyToId = null;

        await Client().SendAsync(activity, default);

        Assert.EndsWith("/_connector/v3/conversations/fa31bca6-6d74-4974-b32e-a25000a8cd2a/activities", _http.Requests.Single().Request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Empty_success_body_is_a_delivered_activity()
    {
        _http.Status = HttpStatusCode.Accepted;
        _http.ResponseBody = "";

        var response = await Client().SendAsync(ReplyTo("emulator-message-personal.json", "hi"), default);

        Assert.Null(response.Id);
    }

    [Fact]
    public async Task Refused_send_throws_and_logs_the_conversation_id_but_never_the_text()
    {
        _http.Status = HttpStatusCode.Unauthorized;
        _http.ResponseBody = """{"error":"Invalid token"}""";

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => Client().SendAsync(ReplyTo("emulator-message-personal.json", "my secret dose question"), default));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("fa31bca6-6d74-4974-b32e-a25000a8cd2a", ex.ConversationId);
        Assert.Contains("fa31bca6-6d74-4974-b32e-a25000a8cd2a", _log.All);
        Assert.Contains("401", _log.All);
        Assert.DoesNotContain("secret dose", _log.All);
        Assert.DoesNotContain("secret dose", ex.ToString());
    }

    [Fact]
    public async Task Unreachable_connector_surfaces_as_ConnectorException()
    {
        var client = new ConnectorClient(new ThrowingFactory(), _log);

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendAsync(ReplyTo("emulator-message-personal.json", "hi"), default));

        Assert.Null(ex.StatusCode);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    private sealed class ThrowingFactory : HttpMessageHandler, IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(this);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused"));
    }
}
