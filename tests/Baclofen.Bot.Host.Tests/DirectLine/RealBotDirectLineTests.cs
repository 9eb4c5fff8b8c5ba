using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>
/// Direct Line in front of the real bot (BotApp's CloudAdapter and FaqBot over the curated
/// faq/): what a patient on the clinic website actually gets.
/// </summary>
public sealed class RealBotDirectLineTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartRealAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string EmergencyResponse => _app.Services.GetRequiredService<IConfiguration>()["Safety:EmergencyResponse"]!;

    [Fact]
    public async Task Welcome_then_an_answer_with_its_disclaimer_from_the_real_faq()
    {
        var token = await _app.StartConversationAsync();
        var (first, watermark) = await _app.PollAsync(token, "");
        var welcome = Assert.Single(first);
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("smalltalk", Kind(welcome));
        Assert.NotEmpty(welcome.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray());

        var id = await _app.PostMessageAsync(token, "does baclofen work immediately?", "c1");
        var (next, _) = await _app.PollAsync(token, watermark);
        Assert.Equal(id, next[0].GetProperty("id").GetString());
        Assert.Equal("c1", next[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        var answer = next.Single(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("role").GetString() == "bot");
        Assert.Equal("answer", Kind(answer));
        Assert.Equal("onset", answer.GetProperty("channelData").GetProperty("faqBot").GetProperty("faqId").GetString());
        Assert.Contains("not medical advice", answer.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(id, answer.GetProperty("replyToId").GetString());

        var turns = ((RecordingDirectLineBot)_app.Bot).Received;
        Assert.Equal(["conversationUpdate", "message"], turns.Select(t => t.Type));
        Assert.All(turns, t => Assert.Equal("directline", t.ChannelId));
        Assert.All(turns, t => Assert.Equal(token.UserId, t.From!.Id));
    }

    [Fact]
    public async Task An_emergency_gets_the_fixed_emergency_reply_first()
    {
        var token = await _app.StartConversationAsync();
        await _app.PostMessageAsync(token, "I took too many baclofen pills and can't stay awake", "c1");
        var (all, _) = await _app.PollAsync(token, "1");
        var botMessages = all.Where(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("role").GetString() == "bot").ToList();
        Assert.Equal("emergency", Kind(botMessages[0]));
        Assert.Equal(EmergencyResponse, botMessages[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Token_and_posts_are_rate_limited_per_client_but_polling_is_not()
    {
        await using var app = await TestApp.StartRealAsync(new Dictionary<string, string?> { ["RateLimiting:PermitsPerMinute"] = "4" });
        var token = await app.StartConversationAsync();
        await app.PostMessageAsync(token, "hello", "c1");

        // Polling every second is what Web Chat does; it must never be throttled.
        for (var i = 0; i < 10; i++)
        {
            await app.PollAsync(token, "");
        }

        // Token, start and post used 3 of the 4 permits.
        using var fourth = await app.Http.PostAsync("/api/widget/token", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, fourth.StatusCode);
        using var fifth = await app.Http.PostAsync("/api/widget/token", null);
        Assert.Equal((System.Net.HttpStatusCode)429, fifth.StatusCode);
        Assert.True(fifth.Headers.RetryAfter is not null);
        using var post = await app.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token, """{"type":"message","text":"hi"}""");
        Assert.Equal((System.Net.HttpStatusCode)429, post.StatusCode);
        var (_, watermark) = await app.PollAsync(token, "");
        Assert.Equal("4", watermark);
    }

    private static string? Kind(JsonElement activity) =>
        activity.GetProperty("channelData").GetProperty("faqBot").GetProperty("kind").GetString();
}
