using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Baclofen.Bot.Host.Tests;

/// <summary>Size and shape limits: each refusal is a 4xx, never a 500, and the bot keeps serving.</summary>
public sealed class LimitsTests : IAsyncLifetime
{
    private TestChannelServer _channel = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _channel = await TestChannelServer.StartAsync();
        _bot = await RunningBot.StartAsync(configure: services => services.AddSingleton<IStartupFilter, BodyReadingEndpoint>());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private JsonObject Message() => Fixtures.Activity("emulator-message-personal.json", _channel.ServiceUrl);

    [Theory]
    [InlineData("channelData")]
    [InlineData("somethingUnknown")]
    public async Task Json_nested_deeper_than_the_limit_is_400_not_500(string property)
    {
        var deep = Message().ToJsonString();
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        deep = deep[..^1] + $",\"{property}\":{nested}}}";

        using var response = await _bot.Http.PostAsync("/api/messages", new StringContent(deep, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]!.GetValue<string>());
        await AssertStillAnsweredAsync();
    }

    [Fact]
    public async Task A_message_with_thousands_of_tiny_attachments_is_400_and_the_limits_are_configurable()
    {
        var flood = Message();
        flood["attachments"] = new JsonArray(Enumerable.Range(0, 24_000).Select(_ => (JsonNode)new JsonObject()).ToArray());
        var few = Message();
        few["attachments"] = new JsonArray(Enumerable.Range(0, 5).Select(_ => (JsonNode)new JsonObject { ["contentType"] = "text/plain" }).ToArray());

        using var refused = await _bot.PostActivityAsync(flood);
        await using var strict = await RunningBot.StartAsync(["--Bot:Limits:MaxListItems=4"]);
        using var strictlyRefused = await strict.PostActivityAsync(few);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, strictlyRefused.StatusCode);
        Assert.Contains("more than 4 items", await strictlyRefused.Content.ReadAsStringAsync());
        await AssertStillAnsweredAsync();
    }

    [Fact]
    public async Task A_200_KB_message_inside_the_body_limit_is_answered_with_an_ordinary_reply()
    {
        var message = Message();
        message["text"] = "how long does baclofen take to work " + string.Concat(Enumerable.Repeat("and more words ", 200 * 1024 / 15));

        using var response = await _bot.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _channel.NextMessageAsync();
        Assert.NotNull(reply.FaqBotKind);
        Assert.True(reply.Body.ToJsonString().Length < 20_000, "the reply does not echo the whole message");
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        var huge = Message();
        huge["text"] = new string('a', 300 * 1024);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge.ToJsonString())));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillAnsweredAsync();
    }

    [Fact]
    public async Task Every_endpoint_has_the_servers_body_limit_not_only_the_messaging_endpoint()
    {
        using var small = await _bot.Http.PostAsync(BodyReadingEndpoint.Path, new ByteArrayContent(new byte[1024]));
        using var huge = await _bot.Http.PostAsync(BodyReadingEndpoint.Path, new ByteArrayContent(new byte[300 * 1024]));

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    private async Task AssertStillAnsweredAsync()
    {
        using var ok = await _bot.PostActivityAsync(Message());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("fallback", (await _channel.NextMessageAsync()).FaqBotKind);
    }

    /// <summary>Stands in for any other public endpoint (Direct Line, the widget): it reads whatever body it gets.</summary>
    private sealed class BodyReadingEndpoint : IStartupFilter
    {
        public const string Path = "/test/read-body";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, following) =>
            {
                if (http.Request.Path != Path)
                {
                    await following(http);
                    return;
                }

                using var sink = new MemoryStream();
                await http.Request.Body.CopyToAsync(sink);
                http.Response.StatusCode = StatusCodes.Status200OK;
            });
            next(app);
        };
    }
}
