using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// Whatever a client sends, the endpoint answers with a documented status and a JSON reason,
/// and keeps serving the next request.
/// </summary>
public sealed class BadRequestTests : IAsyncLifetime
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

    private JsonObject Message() => Fixtures.Activity("emulator-message-personal.json", _channel.ServiceUrl);

    public static TheoryData<string, int, string> Cases => new()
    {
        { "malformed-json", 400, "BadSyntax" },
        { "wrong-content-type", 415, "UnsupportedMediaType" },
        { "huge-body", 413, "RequestTooLarge" },
        { "missing-type", 400, "MissingProperty" },
        { "missing-conversation", 400, "MissingProperty" },
        { "missing-conversation-id", 400, "MissingProperty" },
        { "missing-serviceUrl", 400, "MissingProperty" },
        { "relative-serviceUrl", 400, "BadArgument" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_request_gets_its_status_and_the_next_valid_request_is_still_answered(string @case, int status, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = BadContent(@case) };
        // A well-behaved client announces a large upload and waits: the server's 413 then comes
        // before any of the body is sent, instead of racing a connection the server has closed.
        request.Headers.ExpectContinue = @case == "huge-body";

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal(0, _channel.ReceivedCount);

        await AssertStillAnsweredAsync();
    }

    [Fact]
    public async Task Activity_type_the_bot_does_not_handle_gets_200_and_no_reply()
    {
        var activity = Message();
        activity["type"] = "somethingFromTheFuture";

        using var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _channel.ReceivedCount);
        await AssertStillAnsweredAsync();
    }

    [Fact]
    public async Task Get_on_the_messaging_endpoint_is_405()
    {
        using var response = await _bot.Http.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Body_limit_comes_from_configuration()
    {
        await using var small = await RunningBot.StartAsync(["--Bot:MaxRequestBodyBytes=512"]);

        using var response = await small.PostActivityAsync(Message());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("512", await response.Content.ReadAsStringAsync());
    }

    private async Task AssertStillAnsweredAsync()
    {
        using var ok = await _bot.PostActivityAsync(Message());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var reply = await _channel.NextMessageAsync();
        Assert.Equal("fallback", reply.FaqBotKind);
    }

    private HttpContent BadContent(string @case)
    {
        var activity = Message();
        switch (@case)
        {
            case "malformed-json":
                return Json("{\"type\": \"message\", \"text\": ");
            case "wrong-content-type":
                return new StringContent(activity.ToJsonString(), Encoding.UTF8, "text/plain");
            case "huge-body":
                activity["text"] = new string('a', 300 * 1024);
                return Json(activity.ToJsonString());
            case "missing-type":
                activity.Remove("type");
                break;
            case "missing-conversation":
                activity.Remove("conversation");
                break;
            case "missing-conversation-id":
                activity["conversation"]!.AsObject().Remove("id");
                break;
            case "missing-serviceUrl":
                activity.Remove("serviceUrl");
                break;
            case "relative-serviceUrl":
                activity["serviceUrl"] = "/_connector";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(@case));
        }

        return Json(activity.ToJsonString());
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
