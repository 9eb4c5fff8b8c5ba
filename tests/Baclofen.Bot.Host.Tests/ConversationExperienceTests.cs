using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Pipeline.Feedback;
using Baclofen.Bot.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// Multi-turn conversations through /api/messages on loopback with deliveryMode expectReplies:
/// each POST returns that turn's replies, and the conversation's memory carries between POSTs.
/// </summary>
public sealed class ConversationExperienceTests : IAsyncLifetime
{
    private readonly InMemoryFeedbackStore _feedback = new();
    private RunningBot _bot = null!;
    private readonly string _conversationId = "conversation-" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync() =>
        _bot = await RunningBot.StartAsync(configure: services =>
        {
            services.AddSingleton<IFeedbackStore>(_feedback);
            ScriptedClarify.Register(services);
        });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    internal static JsonObject Message(string text, string conversationId) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["text"] = text,
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:9/never-called",
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JsonObject { ["id"] = "user-1" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
    };

    internal static async Task<List<JsonNode>> SayAsync(RunningBot bot, string text, string conversationId)
    {
        using var response = await bot.PostActivityAsync(Message(text, conversationId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return [.. body!["activities"]!.AsArray().Select(a => a!)];
    }

    private Task<List<JsonNode>> SayAsync(string text) => SayAsync(_bot, text, _conversationId);

    private static string Kind(JsonNode activity) => activity["channelData"]!["faqBot"]!["kind"]!.GetValue<string>();

    private static string? FaqId(JsonNode activity) => activity["channelData"]!["faqBot"]!["faqId"]?.GetValue<string>();

    private static List<(string Title, string Value)> Buttons(JsonNode activity) =>
        activity["suggestedActions"]?["actions"]?.AsArray()
            .Select(a => (a!["title"]!.GetValue<string>(), a["value"]!.GetValue<string>())).ToList() ?? [];

    private static JsonNode AnswerIn(List<JsonNode> activities) => Assert.Single(activities, a => Kind(a) == "answer");

    [Fact]
    public async Task Welcome_says_who_the_bot_is_that_it_is_not_medical_advice_and_offers_examples()
    {
        var update = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = "u1",
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/never-called",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = "user-1" },
            ["recipient"] = new JsonObject { ["id"] = "bot-1" },
            ["conversation"] = new JsonObject { ["id"] = _conversationId },
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-1" }),
        };

        using var response = await _bot.PostActivityAsync(update);
        var welcome = Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray())!;

        Assert.Equal("smalltalk", Kind(welcome));
        var text = welcome["text"]!.GetValue<string>();
        Assert.Contains("Baclofen FAQ Bot", text);
        Assert.Contains("not medical advice", text);
        Assert.Contains("emergency", text, StringComparison.OrdinalIgnoreCase);
        Assert.True(Buttons(welcome).Count >= 3);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("menu")]
    [InlineData("what can you do?")]
    public async Task Help_shows_what_the_bot_answers_with_example_buttons(string text)
    {
        var help = Assert.Single(await SayAsync(text));

        Assert.Equal("smalltalk", Kind(help));
        Assert.Equal(BotTexts.Help, help["text"]!.GetValue<string>());
        Assert.True(Buttons(help).Count >= 3);
    }

    [Theory]
    [InlineData("hi there", BotTexts.Greeting)]
    [InlineData("thank you so much", BotTexts.Thanks)]
    [InlineData("bye", BotTexts.Goodbye)]
    [InlineData("are you a human?", BotTexts.Identity)]
    public async Task Small_talk_gets_a_short_reply_and_never_an_faq_answer(string text, string expected)
    {
        var reply = Assert.Single(await SayAsync(text));

        Assert.Equal("smalltalk", Kind(reply));
        Assert.Equal(expected, reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clarify_then_choosing_a_button_answers_that_entry_directly()
    {
        var clarify = Assert.Single(await SayAsync(ScriptedClarify.Question));
        Assert.Equal("clarify", Kind(clarify));
        var buttons = Buttons(clarify);
        Assert.Equal(BotTexts.NoneOfThese, buttons[^1].Value);
        var candidates = clarify["channelData"]!["faqBot"]!["candidates"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();

        var answer = AnswerIn(await SayAsync(buttons[1].Value));

        Assert.Equal(candidates[1], FaqId(answer));
        Assert.Equal(1.0, answer["channelData"]!["faqBot"]!["score"]!.GetValue<double>());
    }

    [Fact]
    public async Task Follow_up_button_answers_the_related_entry()
    {
        var first = AnswerIn(await SayAsync("how long does baclofen take to work?"));
        Assert.Equal("onset", FaqId(first));
        var followUps = Buttons(first).Where(b => b.Value is not FeedbackReader.HelpfulValue and not FeedbackReader.NotHelpfulValue).ToList();
        Assert.InRange(followUps.Count, 1, 3);

        var second = AnswerIn(await SayAsync(followUps[0].Value));

        Assert.NotEqual("onset", FaqId(second));
        // A button sends the canonical question back, which answers directly.
        Assert.Equal(1.0, second["channelData"]!["faqBot"]!["score"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("how long does baclofen take to work?", "and how long does it last?", "duration-half-life")]
    [InlineData("can I drink alcohol on baclofen", "what about opioids?", "opioid-interaction")]
    public async Task Short_follow_up_is_answered_from_the_previous_topic(string first, string followUp, string expected)
    {
        await SayAsync(first);

        var answer = AnswerIn(await SayAsync(followUp));

        Assert.Equal(expected, FaqId(answer));
    }

    [Fact]
    public async Task Context_belongs_to_one_conversation()
    {
        // A follow-up with no subject of its own is read in the light of this conversation's
        // previous answer; any other conversation must read it as a first turn would.
        static string Outcome(IEnumerable<JsonNode> replies) => string.Join(" | ", replies.Select(a => $"{Kind(a)} {FaqId(a)}"));
        var firstTurn = Outcome(await SayAsync(_bot, "is that dangerous?", "fresh-" + Guid.NewGuid().ToString("N")));
        await SayAsync("can I drink alcohol on baclofen");

        var elsewhere = Outcome(await SayAsync(_bot, "is that dangerous?", "another-" + Guid.NewGuid().ToString("N")));
        var here = Outcome(await SayAsync("is that dangerous?"));

        Assert.NotEqual(firstTurn, here);
        Assert.Equal(firstTurn, elsewhere);
    }

    [Fact]
    public async Task Yep_after_an_answer_counts_as_helpful_for_that_entry_and_keeps_no_text()
    {
        var answer = AnswerIn(await SayAsync("how long does baclofen take to work?"));
        Assert.Contains(Buttons(answer), b => b.Value == FeedbackReader.HelpfulValue);

        var thanks = Assert.Single(await SayAsync("yep"));

        Assert.Equal("smalltalk", Kind(thanks));
        var counts = await _feedback.ReadAllAsync();
        Assert.Equal(new FeedbackCounts(1, 0), counts["onset"]);
        Assert.Single(counts);
    }

    [Fact]
    public async Task Ignoring_the_feedback_question_just_asks_the_next_question()
    {
        await SayAsync("how long does baclofen take to work?");

        var next = AnswerIn(await SayAsync("can I drink alcohol on baclofen"));
        var yes = await SayAsync("yes");

        Assert.Equal("alcohol-interaction", FaqId(next));
        // The "yes" rated the alcohol answer, the one whose buttons were showing.
        Assert.Equal(new FeedbackCounts(1, 0), (await _feedback.ReadAllAsync())["alcohol-interaction"]);
        Assert.False((await _feedback.ReadAllAsync()).ContainsKey("onset"));
        Assert.Equal("smalltalk", Kind(Assert.Single(yes)));
    }

    [Fact]
    public async Task Emergency_after_an_answer_gets_the_fixed_reply_untouched()
    {
        await SayAsync("how long does baclofen take to work?");

        var replies = await SayAsync("and he has stopped breathing");

        Assert.Equal("emergency", Kind(replies[0]));
        Assert.Null(replies[0]["suggestedActions"]);
    }
}
