using Baclofen.Bot.Pipeline.Feedback;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Teams;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// Issue 7 at the host level: the captured Teams activities posted to /api/messages of the real
/// host, the replies read on the wire at a loopback connector. The pieces (mention removal,
/// welcome policy, reply shaping, thread URLs) have unit tests in Baclofen.Bot.Tests and
/// Baclofen.Bot.Protocol.Tests; these prove they are wired together in the served bot.
/// </summary>
public sealed class TeamsOverLoopbackTests(BotAndChannel host) : IClassFixture<BotAndChannel>
{
    private const string BotId = "00000000-0000-0000-0000-00000000000011";
    private const string OnsetQuestion = "does baclofen work immediately?";
    // Several entries fit it, so the served retriever asks which one was meant.

    private static readonly Lazy<FaqCatalog> Catalog = new(() => FaqLoader.Load(Path.Combine(AppContext.BaseDirectory, "faq")));

    private static string OnsetAnswerAsServedInTeams =>
        TeamsMarkdown.Convert(new AnswerComposer(Catalog.Value, showSources: true).Compose(Catalog.Value["onset"]));

    public static TheoryData<string> GroupScopes => [ChannelMessages.TeamsGroupChat, ChannelMessages.TeamsChannel];

    public static TheoryData<string> Scopes => ["personal", "groupChat", "channel"];

    // ---- mention removal ----

    [Theory]
    [MemberData(nameof(GroupScopes))]
    public async Task Mentioned_question_in_a_group_chat_or_channel_is_answered_like_the_plain_question(string scope)
    {
        var mentioned = ChannelMessages.Message(scope, $"<at>Test Bot</at> {OnsetQuestion}", host.Channel.ServiceUrl);
        var plain = ChannelMessages.Message(scope, OnsetQuestion, host.Channel.ServiceUrl);
        plain["text"] = OnsetQuestion;
        plain["entities"] = new JsonArray([.. plain["entities"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() != "mention").Select(e => e!.DeepClone())]);

        var toMentioned = Assert.Single(await host.PostAsync(mentioned));
        var toPlain = Assert.Single(await host.PostAsync(plain));

        Assert.Equal("answer", toMentioned.FaqBotKind);
        Assert.Equal("onset", toMentioned.FaqBot!["faqId"]!.GetValue<string>());
        Assert.Equal(OnsetAnswerAsServedInTeams, toMentioned.Text);
        Assert.Equal(toPlain.Text, toMentioned.Text);
        Assert.Equal(toPlain.FaqBot!.ToJsonString(), toMentioned.FaqBot.ToJsonString());
    }

    // ---- welcome ----

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Bot_added_to_a_conversation_sends_exactly_one_welcome(string scope)
    {
        var update = Fixtures.Activity($"msteams-conversationUpdate-{scope}.json", host.Channel.ServiceUrl);

        var replies = await host.PostAsync(update);

        var welcome = Assert.Single(replies);
        Assert.Equal(BotTexts.Welcome, welcome.Text);
        Assert.Equal("smalltalk", welcome.FaqBotKind);
        Assert.Equal(update["conversation"]!["id"]!.GetValue<string>(), welcome.Body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(BotId, welcome.Body["from"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Installation_update_sends_no_welcome_of_its_own(string scope)
    {
        var install = Fixtures.Activity($"msteams-installationUpdate-{scope}.json", host.Channel.ServiceUrl);

        Assert.Empty(await host.PostAsync(install));
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Recorded_install_sequence_welcomes_once(string scope)
    {
        // The order the Playground sent them in: installationUpdate, then conversationUpdate.
        var install = Fixtures.Activity($"msteams-installationUpdate-{scope}.json", host.Channel.ServiceUrl);
        var update = Fixtures.Activity($"msteams-conversationUpdate-{scope}.json", host.Channel.ServiceUrl);

        var replies = (await host.PostAsync(install)).Concat(await host.PostAsync(update)).ToList();

        Assert.Equal(BotTexts.Welcome, Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Teams_personal_install_that_lists_only_the_bot_as_added_still_welcomes_once()
    {
        // Teams itself announces a personal install with the bot alone in membersAdded (the
        // Playground also lists the user); the user never "joins" a one-to-one chat later.
        var update = Fixtures.Activity("msteams-conversationUpdate-personal.json", host.Channel.ServiceUrl);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });

        var welcome = Assert.Single(await host.PostAsync(update));

        Assert.Equal(BotTexts.Welcome, welcome.Text);
    }

    [Fact]
    public async Task Teams_personal_update_adding_only_the_user_sends_no_second_welcome()
    {
        var update = Fixtures.Activity("msteams-conversationUpdate-personal.json", host.Channel.ServiceUrl);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-id-0" });

        Assert.Empty(await host.PostAsync(update));
    }

    [Fact]
    public async Task Fifty_people_joining_a_team_get_no_welcome()
    {
        var update = Fixtures.Activity("msteams-conversationUpdate-channel.json", host.Channel.ServiceUrl);
        update["membersAdded"] = new JsonArray([.. Enumerable.Range(1, 50).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"29:member-{i}",
            ["aadObjectId"] = $"00000000-0000-0000-0000-{i:D12}",
        })]);

        Assert.Empty(await host.PostAsync(update));
    }

    // ---- channel threads ----

    [Fact]
    public async Task Channel_reply_goes_to_the_thread_with_the_messageid_escaped_and_replyToId_the_question()
    {
        var question = ChannelMessages.Message(ChannelMessages.TeamsChannel, $"<at>Test Bot</at> {OnsetQuestion}", host.Channel.ServiceUrl);

        var reply = Assert.Single(await host.PostAsync(question));

        Assert.Equal(
            "/_connector/v3/conversations/team-id%3Bmessageid%3D1795224312546/activities/945c2922-588e-4ac0-ad92-a1c27d06f41c",
            reply.RawPath);
        Assert.Equal("team-id;messageid=1795224312546", reply.Body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("945c2922-588e-4ac0-ad92-a1c27d06f41c", reply.Body["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Both_replies_to_an_informational_emergency_question_stay_in_the_channel_thread()
    {
        var question = ChannelMessages.Message(ChannelMessages.TeamsChannel, "what are the signs of a baclofen overdose?", host.Channel.ServiceUrl);

        var replies = await host.PostAsync(question);

        Assert.Equal(["emergency", "answer"], replies.Select(r => r.FaqBotKind));
        Assert.All(replies, r => Assert.Equal(
            "/_connector/v3/conversations/team-id%3Bmessageid%3D1795224312546/activities/945c2922-588e-4ac0-ad92-a1c27d06f41c",
            r.RawPath));
    }

    // ---- choices: card in group chats and channels, suggested actions in personal chat ----

    [Theory]
    [MemberData(nameof(GroupScopes))]
    public async Task Clarify_choices_in_a_group_chat_or_channel_arrive_as_an_Adaptive_Card_of_imBack_submits(string scope)
    {
        var message = ChannelMessages.Message(scope, ScriptedClarify.Question, host.Channel.ServiceUrl);

        var reply = Assert.Single(await host.PostAsync(message));

        Assert.Equal("clarify", reply.FaqBotKind);
        Assert.Null(reply.Body["suggestedActions"]);
        Assert.Equal(BotTexts.Clarify, reply.Text);
        var candidates = reply.FaqBot!["candidates"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var expectedValues = candidates.Select(id => Catalog.Value[id].CanonicalQuestion).Append(BotTexts.NoneOfThese).ToList();
        AssertChoiceCard(reply.Body, expectedValues);
    }

    [Fact]
    public async Task Answer_in_personal_chat_with_follow_ups_and_feedback_arrives_as_a_card_as_Teams_shows_only_three_suggested_actions()
    {
        var message = ChannelMessages.Message(ChannelMessages.TeamsPersonal, OnsetQuestion, host.Channel.ServiceUrl);

        var reply = Assert.Single(await host.PostAsync(message));

        Assert.Equal("answer", reply.FaqBotKind);
        Assert.Equal(OnsetAnswerAsServedInTeams, reply.Text);
        Assert.Null(reply.Body["suggestedActions"]);
        var followUps = Catalog.Value["onset"].Related.Take(3).Select(id => Catalog.Value[id].CanonicalQuestion);
        AssertChoiceCard(reply.Body, [.. followUps, FeedbackReader.HelpfulValue, FeedbackReader.NotHelpfulValue]);
    }

    [Fact]
    public async Task Clarify_in_personal_chat_with_more_than_three_choices_arrives_as_a_card_as_Teams_shows_only_three_suggested_actions()
    {
        var message = ChannelMessages.Message(ChannelMessages.TeamsPersonal, ScriptedClarify.Question, host.Channel.ServiceUrl);

        var reply = Assert.Single(await host.PostAsync(message));

        Assert.Equal("clarify", reply.FaqBotKind);
        var candidates = reply.FaqBot!["candidates"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(3, candidates.Count); // three candidates + "None of these" = four buttons
        Assert.Null(reply.Body["suggestedActions"]);
        AssertChoiceCard(reply.Body, [.. candidates.Select(id => Catalog.Value[id].CanonicalQuestion), BotTexts.NoneOfThese]);
    }

    private static void AssertChoiceCard(JsonObject reply, IReadOnlyList<string> expectedValues)
    {
        var attachment = Assert.Single(reply["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.True(Version.Parse(card["version"]!.GetValue<string>()) <= new Version(1, 5), "Teams renders Adaptive Cards up to 1.5");
        var actions = card["actions"]!.AsArray();
        Assert.All(actions, a =>
        {
            Assert.Equal("Action.Submit", a!["type"]!.GetValue<string>());
            Assert.Equal("imBack", a["data"]!["msteams"]!["type"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(a["title"]!.GetValue<string>()));
        });
        Assert.Equal(expectedValues, actions.Select(a => a!["data"]!["msteams"]!["value"]!.GetValue<string>()));
        // The reply contract survives the Teams shaping.
        Assert.NotNull(reply["channelData"]!["faqBot"]!["kind"]);
    }

    // ---- activities without text ----

    public static TheoryData<string, string> TextlessActivities()
    {
        var data = new TheoryData<string, string>();
        foreach (var scope in new[] { ChannelMessages.TeamsChannel, ChannelMessages.TeamsGroupChat, ChannelMessages.TeamsPersonal })
        {
            data.Add(scope, "messageReaction");
            data.Add(scope, "messageUpdate");
        }

        data.Add(ChannelMessages.TeamsChannel, "file");
        data.Add(ChannelMessages.TeamsChannel, "mention+file");
        data.Add(ChannelMessages.TeamsGroupChat, "file");
        return data;
    }

    [Theory]
    [MemberData(nameof(TextlessActivities))]
    public async Task Activity_without_a_question_gets_200_and_no_reply(string scope, string kind)
    {
        var activity = Textless(scope, kind);

        var replies = await host.PostAsync(activity);

        Assert.Empty(replies);
        Assert.DoesNotContain("The bot failed", host.Bot.Logs.All);
    }

    [Fact]
    public async Task File_without_text_in_personal_chat_gets_the_polite_typed_questions_only_reply()
    {
        var activity = Textless(ChannelMessages.TeamsPersonal, "file");

        var reply = Assert.Single(await host.PostAsync(activity));

        Assert.Equal("fallback", reply.FaqBotKind);
        Assert.Equal(BotTexts.EmptyMessage, reply.Text);
    }

    private JsonObject Textless(string scope, string kind)
    {
        var activity = ChannelMessages.Message(scope, "placeholder", host.Channel.ServiceUrl);
        activity.Remove("text");
        activity.Remove("textFormat");
        switch (kind)
        {
            case "messageReaction":
                activity["type"] = "messageReaction";
                activity["replyToId"] = "1795224312546";
                activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
                break;
            case "messageUpdate":
                activity["type"] = "messageUpdate";
                activity["text"] = "edited: does baclofen work immediately?";
                activity["channelData"]!["eventType"] = "editMessage";
                break;
            case "file":
            case "mention+file":
                if (kind == "mention+file")
                {
                    activity["text"] = ChannelMessages.BotMention;
                }
                else
                {
                    activity["entities"] = new JsonArray([.. activity["entities"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() != "mention").Select(e => e!.DeepClone())]);
                }

                activity["attachments"] = new JsonArray(new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                    ["contentUrl"] = "https://contoso.sharepoint.com/sites/team/Shared%20Documents/dose-diary.pdf",
                    ["name"] = "dose-diary.pdf",
                    ["content"] = new JsonObject
                    {
                        ["downloadUrl"] = "https://contoso.sharepoint.com/download/dose-diary.pdf",
                        ["uniqueId"] = "5c6d7e8f-0000-0000-0000-000000000001",
                        ["fileType"] = "pdf",
                    },
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return activity;
    }
}
