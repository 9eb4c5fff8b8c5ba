using System.Net;
using Baclofen.Bot.Host.Tests.Support;

namespace Baclofen.Bot.Host.Tests;

/// <summary>/api/messages is limited per client; the Bot Connector (bearer traffic) has its own, larger bucket.</summary>
public sealed class RateLimitingTests
{
    [Fact]
    public async Task Client_over_its_limit_gets_429_with_Retry_After()
    {
        await using var bot = await RunningBot.StartAsync(["--RateLimiting:PermitsPerMinute=3"]);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await bot.PostActivityAsync(Fixtures.ExpectRepliesQuestion());
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await bot.PostActivityAsync(Fixtures.ExpectRepliesQuestion());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task Limits_can_be_switched_off()
    {
        await using var bot = await RunningBot.StartAsync(["--RateLimiting:PermitsPerMinute=1", "--RateLimiting:Enabled=false"]);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await bot.PostActivityAsync(Fixtures.ExpectRepliesQuestion());
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
    }

    [Fact]
    public async Task Bot_Connector_traffic_is_not_throttled_with_the_anonymous_clients_of_the_same_address()
    {
        await using var identity = await BotConnectorIdentity.StartAsync();
        await using var channel = await TestChannelServer.StartAsync();
        await using var bot = await RunningBot.StartAsync(
            [.. identity.BotArgs(), "--RateLimiting:PermitsPerMinute=2", "--RateLimiting:BearerPermitsPerMinute=50"]);
        var token = identity.BotConnectorToken(channel.ServiceUrl);

        for (var i = 0; i < 3; i++)
        {
            using var anonymous = await bot.PostActivityAsync(Fixtures.ExpectRepliesQuestion(), bearerToken: null);
            Assert.Equal(i < 2 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, anonymous.StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            using var connector = await bot.PostActivityAsync(Fixtures.Activity("emulator-message-personal.json", channel.ServiceUrl), token);
            Assert.Equal(HttpStatusCode.OK, connector.StatusCode);
        }
    }

    [Fact]
    public async Task A_forged_bearer_token_buys_no_bigger_bucket_its_401s_run_into_429()
    {
        await using var identity = await BotConnectorIdentity.StartAsync();
        await using var bot = await RunningBot.StartAsync([.. identity.BotArgs(), "--RateLimiting:PermitsPerMinute=5", "--RateLimiting:BearerPermitsPerMinute=6000"]);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var forged = await bot.PostActivityAsync(Fixtures.ExpectRepliesQuestion(), bearerToken: "x");
            statuses.Add(forged.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
        // Refusals are not one information line each.
        var lines = bot.Logs.All.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("refused", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => (l.StartsWith("Information", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal)) && l.Contains("refused", StringComparison.OrdinalIgnoreCase));
    }
}
