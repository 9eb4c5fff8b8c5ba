using System.Net;
using System.Text.Json;
using Baclofen.Bot.Host.DirectLine;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>The Direct Line 3.0 endpoint as directlinejs uses it in polling mode, over plain HTTP.</summary>
public sealed class DirectLineProtocolTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Full_round_trip_start_welcome_post_echo_reply()
    {
        var token = await _app.NewTokenAsync();
        Assert.StartsWith("dl_", token.UserId);

        using var start = await _app.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token.Token, """{"user":{"id":"user-1"}}""");
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        using var started = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        Assert.Equal(token.ConversationId, started.RootElement.GetProperty("conversationId").GetString());
        Assert.False(string.IsNullOrEmpty(started.RootElement.GetProperty("token").GetString()));
        Assert.True(started.RootElement.GetProperty("expires_in").GetInt32() > 0);
        Assert.False(started.RootElement.TryGetProperty("streamUrl", out _), "no WebSocket stream, so no streamUrl");

        // The server raised the conversationUpdate itself; only the bot's welcome is visible.
        var (first, watermark) = await _app.PollAsync(token, "");
        var welcome = Assert.Single(first);
        Assert.Equal("1", watermark);
        Assert.Equal($"{token.ConversationId}|0000000", welcome.GetProperty("id").GetString());
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(token.UserId, welcome.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("smalltalk", welcome.GetProperty("channelData").GetProperty("faqBot").GetProperty("kind").GetString());
        Assert.NotEmpty(welcome.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray());
        var update = Assert.Single(((ClinicTestBot)_app.Bot).Received);
        Assert.Equal("conversationUpdate", update.Type);
        Assert.Equal(token.UserId, Assert.Single(update.MembersAdded!).Id);

        var id = await _app.PostMessageAsync(token, "does baclofen work immediately?", "client-42");
        Assert.Equal($"{token.ConversationId}|0000001", id);

        var (next, watermark2) = await _app.PollAsync(token, watermark);
        Assert.Equal("4", watermark2);
        Assert.Equal(["message", "typing", "message"], next.Select(a => a.GetProperty("type").GetString()));
        var echo = next[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("client-42", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal(token.UserId, echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(token.ConversationId, echo.GetProperty("conversation").GetProperty("id").GetString());
        var answer = next[2];
        Assert.Equal("bot", answer.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(id, answer.GetProperty("replyToId").GetString());
        Assert.Equal("answer", answer.GetProperty("channelData").GetProperty("faqBot").GetProperty("kind").GetString());
        Assert.EndsWith(ClinicTestBot.DosingDisclaimer + "*", answer.GetProperty("text").GetString());
        Assert.Equal($"{token.ConversationId}|0000003", answer.GetProperty("id").GetString());

        // Polling again from the latest watermark repeats nothing.
        var (again, watermark3) = await _app.PollAsync(token, watermark2);
        Assert.Empty(again);
        Assert.Equal("4", watermark3);
    }

    [Fact]
    public async Task Emergency_reply_comes_first_in_the_log()
    {
        var token = await _app.StartConversationAsync();
        var id = await _app.PostMessageAsync(token, "I took too many pills", "c1");
        var (all, _) = await _app.PollAsync(token, "1");
        var replies = all.Where(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("id").GetString() != id).ToList();
        Assert.Equal(["emergency", "answer"], replies.Select(r => r.GetProperty("channelData").GetProperty("faqBot").GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Starting_again_with_the_same_token_returns_the_conversation_without_a_second_welcome()
    {
        var token = await _app.StartConversationAsync();
        using var again = await _app.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token.Token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var (all, _) = await _app.PollAsync(token, "");
        Assert.Single(all);
    }

    [Fact]
    public async Task Reconnect_returns_a_fresh_token_and_the_history_from_any_watermark()
    {
        var token = await _app.StartConversationAsync();
        await _app.PostMessageAsync(token, "side effects?", "c1");

        using var resume = await _app.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}?watermark=", token.Token);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        using var body = JsonDocument.Parse(await resume.Content.ReadAsStringAsync());
        Assert.Equal(token.ConversationId, body.RootElement.GetProperty("conversationId").GetString());
        var fresh = token with { Token = body.RootElement.GetProperty("token").GetString()! };

        var (all, watermark) = await _app.PollAsync(fresh, "");
        Assert.Equal(4, all.Count);
        Assert.Equal("4", watermark);
        Assert.Equal(2, ((ClinicTestBot)_app.Bot).Turns);
    }

    [Fact]
    public async Task Refresh_gives_a_working_token()
    {
        var token = await _app.StartConversationAsync();
        using var refresh = await _app.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token.Token);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        using var body = JsonDocument.Parse(await refresh.Content.ReadAsStringAsync());
        Assert.Equal(token.ConversationId, body.RootElement.GetProperty("conversationId").GetString());
        var refreshed = token with { Token = body.RootElement.GetProperty("token").GetString()! };
        var (all, _) = await _app.PollAsync(refreshed, "");
        Assert.Single(all);
    }

    [Fact]
    public async Task Two_conversations_cannot_read_or_write_each_other()
    {
        var a = await _app.StartConversationAsync();
        var b = await _app.StartConversationAsync();
        Assert.NotEqual(a.ConversationId, b.ConversationId);
        Assert.NotEqual(a.UserId, b.UserId);
        await _app.PostMessageAsync(b, "secret question of b", "b1");

        using var read = await _app.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}/activities?watermark=", a.Token);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        using var write = await _app.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{b.ConversationId}/activities", a.Token, """{"type":"message","text":"hi"}""");
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        using var resume = await _app.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}", a.Token);
        Assert.Equal(HttpStatusCode.Forbidden, resume.StatusCode);

        var (ofA, _) = await _app.PollAsync(a, "");
        Assert.DoesNotContain(ofA, x => x.GetRawText().Contains("secret question of b", StringComparison.Ordinal));
        Assert.Single(ofA);
    }

    [Fact]
    public async Task A_client_cannot_post_as_another_user()
    {
        var token = await _app.StartConversationAsync();
        using var post = await _app.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token,
            """{"type":"message","text":"hello","from":{"id":"dl_somebody_else","role":"bot"}}""");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var (all, _) = await _app.PollAsync(token, "1");
        Assert.Equal(token.UserId, all[0].GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user", all[0].GetProperty("from").GetProperty("role").GetString());
    }

    [Fact]
    public async Task Forged_or_missing_tokens_are_refused()
    {
        var token = await _app.StartConversationAsync();
        var path = $"/v3/directline/conversations/{token.ConversationId}/activities?watermark=";

        using var missing = await _app.SendAsync(HttpMethod.Get, path, null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);

        using var garbage = await _app.SendAsync(HttpMethod.Get, path, "not-a-token");
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);

        // Same claims, tampered payload: the signature no longer matches.
        var parts = token.Token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var other = await _app.NewTokenAsync();
        var tampered = payload.Replace(token.UserId, other.UserId, StringComparison.Ordinal);
        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(tampered))}.{parts[2]}";
        using var forgedResponse = await _app.SendAsync(HttpMethod.Get, path, forged);
        Assert.Equal(HttpStatusCode.Forbidden, forgedResponse.StatusCode);

        // Signed with another key (another deployment): refused too.
        await using var elsewhere = await TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:TokenSigningKey"] = "a-completely-different-key-0123456789-xyz" });
        var foreign = await elsewhere.NewTokenAsync();
        using var start = await _app.SendAsync(HttpMethod.Post, "/v3/directline/conversations", foreign.Token);
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        using var refresh = await _app.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", foreign.Token);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task Expired_tokens_are_refused_and_cannot_be_refreshed()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:TokenLifetimeMinutes"] = "30", ["Widget:ConversationIdleMinutes"] = "120" }, time: clock);
        var token = await app.StartConversationAsync();

        clock.Advance(TimeSpan.FromMinutes(29));
        var (stillValid, _) = await app.PollAsync(token, "");
        Assert.Single(stillValid);

        clock.Advance(TimeSpan.FromMinutes(2));
        using var poll = await app.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities?watermark=", token.Token);
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Contains("TokenExpired", await poll.Content.ReadAsStringAsync());
        using var refresh = await app.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token.Token);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task Unknown_conversation_is_404()
    {
        // A valid token whose conversation was never started.
        var token = await _app.NewTokenAsync();
        using var poll = await _app.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities?watermark=", token.Token);
        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        using var post = await _app.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token, """{"type":"message","text":"hi"}""");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var resume = await _app.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}?watermark=", token.Token);
        Assert.Equal(HttpStatusCode.NotFound, resume.StatusCode);
    }

    [Fact]
    public async Task Idle_conversations_expire_and_are_swept()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:TokenLifetimeMinutes"] = "600", ["Widget:ConversationIdleMinutes"] = "10" }, time: clock);
        var kept = await app.StartConversationAsync();
        var idle = await app.StartConversationAsync();
        var store = app.Services.GetService(typeof(ConversationStore)) as ConversationStore;
        Assert.Equal(2, store!.Count);

        clock.Advance(TimeSpan.FromMinutes(6));
        await app.PollAsync(kept, "");
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(1, store.SweepExpired());
        Assert.Equal(1, store.Count);
        await app.PollAsync(kept, "");
        using var gone = await app.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{idle.ConversationId}/activities?watermark=", idle.Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_conversation_keeps_only_its_newest_activities()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:MaxActivitiesPerConversation"] = "5" });
        var token = await app.StartConversationAsync();
        for (var i = 0; i < 4; i++)
        {
            await app.PostMessageAsync(token, "hello " + i, "c" + i);
        }

        // 1 welcome + 4 x (echo, typing, reply) = 13 activities; the last 5 remain.
        var (all, watermark) = await app.PollAsync(token, "");
        Assert.Equal("13", watermark);
        Assert.Equal(Enumerable.Range(8, 5).Select(i => $"{token.ConversationId}|{i:0000000}"), all.Select(a => a.GetProperty("id").GetString()));
        var (fromOld, _) = await app.PollAsync(token, "2");
        Assert.Equal(5, fromOld.Count);
    }

    [Fact]
    public async Task Watermark_never_skips_or_repeats_under_concurrent_posting()
    {
        var token = await _app.StartConversationAsync();
        const int posts = 20;
        var seen = new List<(long From, List<JsonElement> Activities, long Watermark)>();
        var posting = Enumerable.Range(0, posts).Select(i => Task.Run(() => _app.PostMessageAsync(token, $"question {i}", $"client-{i}"))).ToList();

        // Pollers from various watermarks while the posts land.
        var polling = Enumerable.Range(0, 8).Select(p => Task.Run(async () =>
        {
            var local = new List<(long, List<JsonElement>, long)>();
            var watermark = (long)(p % 4);
            for (var round = 0; round < 12; round++)
            {
                var (activities, next) = await _app.PollAsync(token, watermark.ToString());
                local.Add((watermark, activities, long.Parse(next)));
                watermark = long.Parse(next);
            }

            return local;
        })).ToList();

        var ids = await Task.WhenAll(posting);
        foreach (var result in await Task.WhenAll(polling))
        {
            seen.AddRange(result);
        }

        // Every poll returned exactly the sequence numbers [from, watermark), in order.
        foreach (var (from, activities, watermark) in seen)
        {
            var expectedStart = Math.Min(from, watermark);
            Assert.Equal(
                Enumerable.Range((int)expectedStart, (int)(watermark - expectedStart)).Select(i => $"{token.ConversationId}|{i:0000000}"),
                activities.Select(a => a.GetProperty("id").GetString()));
        }

        var (all, final) = await _app.PollAsync(token, "");
        Assert.Equal((1 + (3 * posts)).ToString(), final);
        Assert.Equal(Enumerable.Range(0, 1 + (3 * posts)).Select(i => $"{token.ConversationId}|{i:0000000}"), all.Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(posts, ids.Distinct().Count());

        // Each turn stays together: echo, typing, then the reply to that echo.
        for (var i = 1; i < all.Count; i += 3)
        {
            var echo = all[i];
            Assert.StartsWith("client-", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
            Assert.Equal("typing", all[i + 1].GetProperty("type").GetString());
            Assert.Equal(echo.GetProperty("id").GetString(), all[i + 2].GetProperty("replyToId").GetString());
        }

        Assert.Equal(posts, all.Select(a => a.TryGetProperty("channelData", out var cd) && cd.TryGetProperty("clientActivityID", out var c) ? c.GetString() : null).Where(c => c is not null).Distinct().Count());

        // Timestamps strictly increase in log order (Web Chat sorts by them).
        var stamps = all.Select(a => a.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.True(stamps.Zip(stamps.Skip(1)).All(p => p.Second > p.First));
    }

    [Fact]
    public async Task A_failing_bot_answers_502_and_keeps_the_echo()
    {
        var bot = new ClinicTestBot();
        await using var app = await TestApp.StartAsync(bot: bot);
        var token = await app.StartConversationAsync();
        bot.Fail = true;
        using var post = await app.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{token.ConversationId}/activities", token.Token, """{"type":"message","text":"my private words","channelData":{"clientActivityID":"x"}}""");
        Assert.Equal(HttpStatusCode.BadGateway, post.StatusCode);
        var (all, _) = await app.PollAsync(token, "1");
        Assert.Equal("x", all[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("my private words", StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, l => l.Contains("InvalidOperationException", StringComparison.Ordinal));
    }
}
