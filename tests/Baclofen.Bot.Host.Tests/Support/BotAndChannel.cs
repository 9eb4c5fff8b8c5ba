using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Baclofen.Bot.Host.Tests.Support;

/// <summary>
/// One real host and one loopback connector shared by a test class (xunit runs a class's
/// tests one at a time, so each test sees only the replies to its own POSTs).
/// </summary>
public sealed class BotAndChannel : IAsyncLifetime
{
    internal RunningBot Bot { get; private set; } = null!;

    internal TestChannelServer Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Channel = await TestChannelServer.StartAsync();
        try
        {
            Bot = await RunningBot.StartAsync(configure: ScriptedClarify.Register);
        }
        catch
        {
            await Channel.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Channel.DisposeAsync();
    }

    /// <summary>Posts as a connector would; asserts the plain 200 and returns what the bot posted back, in order.</summary>
    internal async Task<IReadOnlyList<ReceivedActivity>> PostAsync(JsonObject activity)
    {
        Channel.TakeMessages(); // nothing left over from an earlier test
        using var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        return Channel.TakeMessages();
    }

    /// <summary>Posts with deliveryMode expectReplies; returns the activities array of the response, in order.</summary>
    internal async Task<IReadOnlyList<JsonObject>> PostExpectingRepliesAsync(JsonObject activity)
    {
        Channel.TakeMessages();
        activity["deliveryMode"] = "expectReplies";
        using var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var activities = body!["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Empty(Channel.TakeMessages());
        return activities;
    }
}
