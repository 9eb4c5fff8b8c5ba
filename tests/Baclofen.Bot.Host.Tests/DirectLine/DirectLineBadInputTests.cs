using System.Net;
using System.Text;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>Whatever a client sends, the answer is a clear 4xx with Direct Line's error body, never a 500.</summary>
public sealed class DirectLineBadInputTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private TestApp.WidgetTokenResponse _token = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _token = await _app.StartConversationAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string Activities => $"/v3/directline/conversations/{_token.ConversationId}/activities";

    [Theory]
    [InlineData("{not json", "BadArgument")]
    [InlineData("[1,2,3]", "BadArgument")]
    [InlineData("\"text\"", "BadArgument")]
    [InlineData("null", "BadArgument")]
    [InlineData("{}", "BadArgument")]
    [InlineData("{\"text\":\"no type\"}", "BadArgument")]
    [InlineData("{\"type\":\"conversationUpdate\"}", "BadArgument")]
    [InlineData("{\"type\":\"message\",\"from\":\"not an object\"}", "BadArgument")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday\"}", "BadArgument")]
    public async Task Malformed_activities_are_400(string body, string code)
    {
        using var response = await _app.SendAsync(HttpMethod.Post, Activities, _token.Token, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"code\":\"{code}\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("attachments")]
    [InlineData("entities")]
    public async Task A_list_over_the_activity_limit_is_400_before_it_is_deserialised(string member)
    {
        var body = "{\"type\":\"message\",\"text\":\"hi\",\"" + member + "\":[" + string.Join(",", Enumerable.Repeat("{}", 3000)) + "]}";

        using var response = await _app.SendAsync(HttpMethod.Post, Activities, _token.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("items in one list", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_long_string_outside_text_is_400_and_a_long_text_is_not()
    {
        var longName = "{\"type\":\"message\",\"text\":\"hi\",\"from\":{\"name\":\"" + new string('a', 5000) + "\"}}";
        var longText = "{\"type\":\"message\",\"text\":\"" + new string('a', 5000) + "\"}";

        using var refused = await _app.SendAsync(HttpMethod.Post, Activities, _token.Token, longName);
        using var accepted = await _app.SendAsync(HttpMethod.Post, Activities, _token.Token, longText);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Empty_body_is_400()
    {
        using var response = await _app.SendAsync(HttpMethod.Post, Activities, _token.Token, "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Deeply_nested_json_is_400()
    {
        var deep = "{\"type\":\"message\",\"value\":" + new string('[', 200) + new string(']', 200) + "}";
        using var response = await _app.SendAsync(HttpMethod.Post, Activities, _token.Token, deep);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Huge_body_is_413_with_or_without_content_length()
    {
        var huge = "{\"type\":\"message\",\"text\":\"" + new string('a', 2_000_000) + "\"}";
        using var response = await _app.SendAsync(HttpMethod.Post, Activities, _token.Token, huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        // Chunked, so the server only finds out while reading.
        using var request = new HttpRequestMessage(HttpMethod.Post, Activities)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))),
        };
        request.Headers.Authorization = new("Bearer", _token.Token);
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new("application/json");
        using var chunked = await _app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(1, ((ClinicTestBot)_app.Bot).Turns);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Activities)
        {
            Content = new StringContent("type=message", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new("Bearer", _token.Token);
        using var response = await _app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999999")]
    public async Task Bad_watermark_is_400(string watermark)
    {
        using var response = await _app.SendAsync(HttpMethod.Get, $"{Activities}?watermark={watermark}", _token.Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_watermark_from_the_future_returns_nothing_and_the_current_watermark()
    {
        var (activities, watermark) = await _app.PollAsync(_token, "1000");
        Assert.Empty(activities);
        Assert.Equal("1", watermark);
    }

    [Fact]
    public async Task Malformed_start_body_is_400()
    {
        var token = await _app.NewTokenAsync();
        using var response = await _app.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token.Token, "{oops");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unsupported_paths_and_methods_are_4xx()
    {
        using var upload = await _app.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{_token.ConversationId}/upload?userId=x", _token.Token, "{}");
        Assert.InRange((int)upload.StatusCode, 400, 499);
        using var delete = await _app.SendAsync(HttpMethod.Delete, Activities, _token.Token);
        Assert.InRange((int)delete.StatusCode, 400, 499);
    }
}
