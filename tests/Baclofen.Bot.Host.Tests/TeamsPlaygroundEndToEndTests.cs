using Baclofen.Bot.Host.Tests.Support;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Teams;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// The bot against Microsoft's Agents Playground on the msteams channel: a personal chat, the
/// configured group chat and the team's General channel, each installed and talked to through
/// the Playground's local API, the bot's messages read from its WebSocket in arrival order.
/// The WebSocket frames carry no channelData, so replies are recognised by their exact text;
/// the reply contract on the wire is covered by <see cref="SafetyGateInEveryChannelTests"/>.
/// </summary>
public sealed class TeamsPlaygroundEndToEndTests(TeamsPlaygroundEndToEndTests.Playground playground)
    : IClassFixture<TeamsPlaygroundEndToEndTests.Playground>
{
    private const string OnsetQuestion = "does baclofen work immediately?";
    private const string OverdoseQuestion = "what are the signs of a baclofen overdose?";

    private static readonly Lazy<FaqCatalog> Catalog = new(() => FaqLoader.Load(Path.Combine(AppContext.BaseDirectory, "faq")));

    private static string AsServedInTeams(string faqId) =>
        TeamsMarkdown.Convert(new AnswerComposer(Catalog.Value, showSources: true).Compose(Catalog.Value[faqId]));

    private PlaygroundSession Session => playground.Session;

    [Fact]
    public async Task Personal_chat_welcomes_answers_the_question_and_puts_the_emergency_text_first()
    {
        var chat = Session.PersonalChatId;
        await Session.InstallAsync(chat);
        Assert.Equal(BotTexts.Welcome, await Session.NextBotTextAsync(chat));

        await Session.SendAsync(chat, "my son swallowed a whole bottle of baclofen");
        Assert.Equal(ChannelMessages.EmergencyResponse, await Session.NextBotTextAsync(chat));

        // The next bot text is this question's answer: the emergency report got nothing after
        // the emergency text (an extra reply would be read here instead).
        await Session.SendAsync(chat, OnsetQuestion);
        Assert.Equal(AsServedInTeams("onset"), await Session.NextBotTextAsync(chat));

        await Session.SendAsync(chat, OverdoseQuestion);
        Assert.Equal(ChannelMessages.EmergencyResponse, await Session.NextBotTextAsync(chat));
        Assert.Equal(AsServedInTeams("overdose-symptoms"), await Session.NextBotTextAsync(chat));
    }

    [Fact]
    public async Task Group_chat_question_with_an_at_mention_is_answered()
    {
        var chat = Session.GroupChatId;
        await Session.InstallAsync(chat);
        Assert.Equal(BotTexts.Welcome, await Session.NextBotTextAsync(chat));

        var answeredIn = await Session.SendAsync(chat, OnsetQuestion, mentionBot: true);

        Assert.Equal(chat, answeredIn);
        Assert.Equal(AsServedInTeams("onset"), await Session.NextBotTextAsync(chat));
    }

    [Fact]
    public async Task Channel_messages_are_answered_in_their_thread_with_the_emergency_text_first()
    {
        await Session.InstallAsync(Session.TeamId);
        Assert.Equal(BotTexts.Welcome, await Session.NextBotTextAsync(Session.TeamId));

        var thread = await Session.SendAsync(Session.GeneralChannelId, OnsetQuestion, mentionBot: true);
        Assert.StartsWith(Session.GeneralChannelId + ";messageid=", thread, StringComparison.Ordinal);
        Assert.Equal(AsServedInTeams("onset"), await Session.NextBotTextAsync(thread));

        var emergencyThread = await Session.SendAsync(Session.GeneralChannelId, OverdoseQuestion, mentionBot: true);
        Assert.NotEqual(thread, emergencyThread);
        Assert.Equal(ChannelMessages.EmergencyResponse, await Session.NextBotTextAsync(emergencyThread));
        Assert.Equal(AsServedInTeams("overdose-symptoms"), await Session.NextBotTextAsync(emergencyThread));
    }

    /// <summary>One bot and one Playground (-c msteams) for the class; both torn down, process tree and all.</summary>
    public sealed class Playground : IAsyncLifetime
    {
        private RunningBot? _bot;
        private AgentsPlayground? _playground;
        private PlaygroundSession? _session;

        internal PlaygroundSession Session => _session ?? throw new InvalidOperationException("The Playground did not start.");

        public async Task InitializeAsync()
        {
            try
            {
                _bot = await RunningBot.StartAsync();
                _playground = await AgentsPlayground.StartAsync(_bot.MessagesEndpoint, "msteams");
                _session = await PlaygroundSession.OpenAsync(_playground);
            }
            catch
            {
                await DisposeAsync();
                throw;
            }
        }

        // Safe to call twice (a failed start disposes before xunit does).
        public async Task DisposeAsync()
        {
            if (Interlocked.Exchange(ref _session, null) is { } session)
            {
                await session.DisposeAsync();
            }

            if (Interlocked.Exchange(ref _playground, null) is { } started)
            {
                await started.DisposeAsync();
            }

            if (Interlocked.Exchange(ref _bot, null) is { } bot)
            {
                await bot.DisposeAsync();
            }
        }
    }
}
