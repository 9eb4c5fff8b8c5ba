using System.Net;
using Baclofen.Bot.Host.Tests.Support;

namespace Baclofen.Bot.Host.Tests;

/// <summary>The real bot, as the host wires it, shows "typing" before its reply.</summary>
public sealed class TypingIndicatorTests
{
    [Fact]
    public async Task Message_turn_posts_a_typing_indicator_before_the_reply()
    {
        await using var channel = await TestChannelServer.StartAsync();
        // No delay: the indicator goes out as the turn starts, so the order is certain.
        await using var bot = await RunningBot.StartAsync(["--Bot:TypingDelayMs=0"]);
        var message = ConversationExperienceTests.Message("how long does baclofen take to work?", "c-" + Guid.NewGuid().ToString("N"));
        message.Remove("deliveryMode");
        message["serviceUrl"] = channel.ServiceUrl.AbsoluteUri;

        using var response = await bot.PostActivityAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var first = await channel.NextAsync();
        Assert.Equal("typing", first.Type);
        var reply = await channel.NextMessageAsync();
        Assert.Equal("answer", reply.FaqBotKind);
    }
}
