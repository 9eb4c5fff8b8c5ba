using Baclofen.Bot.Host.Tests.Support;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Pipeline;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// The bot against Microsoft's own Agents Playground on the emulator channel, driven through
/// the Playground's local HTTP API and WebSocket the way its web UI drives it, with no browser.
/// </summary>
public sealed class PlaygroundEndToEndTests
{
    [Fact]
    public async Task Playground_user_gets_the_welcome_on_install_and_a_reply_to_a_message()
    {
        await using var bot = await RunningBot.StartAsync();
        await using var playground = await AgentsPlayground.StartAsync(bot.MessagesEndpoint, "emulator");
        await using var session = await PlaygroundSession.OpenAsync(playground);
        var chat = session.PersonalChatId;

        await session.InstallAsync(chat);

        var welcome = await session.NextBotMessageAsync(chat);
        Assert.Equal(BotTexts.Welcome, welcome["text"]!.GetValue<string>());
        Assert.Equal("markdown", welcome["textFormat"]!.GetValue<string>());

        const string question = "does baclofen work immediately?";
        await session.SendAsync(chat, question);

        // The Playground's WebSocket frames drop channelData, so the answer is recognised by its
        // exact text: the onset entry, its source line and its disclaimer, composed as served.
        var catalog = FaqLoader.Load(Path.Combine(AppContext.BaseDirectory, "faq"));
        Assert.Equal(new AnswerComposer(catalog, showSources: true).Compose(catalog["onset"]), await session.NextBotTextAsync(chat));
        Assert.DoesNotContain(question, bot.Logs.All);
    }
}
