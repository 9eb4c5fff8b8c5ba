using System.Text.Json;
using System.Text.Json.Nodes;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Teams;
using Baclofen.Bot.Replies;
using Baclofen.Bot.Teams;

namespace Baclofen.Bot.Tests.Teams;

public class TeamsReplyAdapterTests
{
    private static readonly ReplyChoice[] Choices =
    [
        new("Does baclofen work immediately?", "Does baclofen work immediately?"),
        new("What if I miss a dose?", "What if I miss a dose?"),
        new("None of these", "None of these"),
    ];

    private static Activity ClarifyReply() =>
        ReplyActivityFactory.ToActivity(new BotReply(ReplyKind.Clarify, "Did you mean one of these?")
        {
            Candidates = ["onset", "missed-dose"],
            Choices = Choices,
        });

    [Fact]
    public void Personal_chat_keeps_suggested_actions_and_adds_no_card()
    {
        var reply = TeamsReplyAdapter.Adapt(ClarifyReply(), TeamsConversationTypes.Personal);

        Assert.Equal(3, reply.SuggestedActions!.Actions.Count);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public void Personal_chat_with_more_choices_than_teams_shows_gets_a_card()
    {
        // Teams shows three suggested actions; the fourth, "None of these", would be lost.
        var reply = ClarifyReply();
        reply.SuggestedActions!.Actions.Insert(0, new CardAction { Title = "What is baclofen?", Value = JsonValue.Create("What is baclofen?") });

        TeamsReplyAdapter.Adapt(reply, TeamsConversationTypes.Personal);

        Assert.Null(reply.SuggestedActions);
        Assert.Equal(4, reply.Attachments![0].Content!["actions"]!.AsArray().Count);
        Assert.Equal("None of these", (string?)reply.Attachments[0].Content!["actions"]![3]!["title"]);
    }

    [Theory]
    [InlineData(TeamsConversationTypes.GroupChat)]
    [InlineData(TeamsConversationTypes.Channel)]
    public void Group_chat_and_channel_get_an_adaptive_card_instead_of_suggested_actions(string conversationType)
    {
        var reply = TeamsReplyAdapter.Adapt(ClarifyReply(), conversationType);

        Assert.Null(reply.SuggestedActions);
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = attachment.Content!.AsObject();
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        Assert.True(Version.Parse((string)card["version"]!) <= new Version(1, 5));
        Assert.All(card["body"]!.AsArray(), block =>
        {
            Assert.Equal("TextBlock", (string?)block!["type"]);
            Assert.True((bool)block["wrap"]!);
        });
    }

    [Fact]
    public void Card_has_one_imBack_submit_per_choice_carrying_the_question_text()
    {
        var reply = TeamsReplyAdapter.Adapt(ClarifyReply(), TeamsConversationTypes.Channel);

        var actions = reply.Attachments![0].Content!["actions"]!.AsArray();
        Assert.Equal(Choices.Length, actions.Count);
        for (var i = 0; i < Choices.Length; i++)
        {
            Assert.Equal("Action.Submit", (string?)actions[i]!["type"]);
            Assert.Equal(Choices[i].Title, (string?)actions[i]!["title"]);
            Assert.Equal("imBack", (string?)actions[i]!["data"]!["msteams"]!["type"]);
            Assert.Equal(Choices[i].Value, (string?)actions[i]!["data"]!["msteams"]!["value"]);
        }
    }

    [Fact]
    public void Card_prompt_depends_on_the_reply_kind()
    {
        var clarify = TeamsReplyAdapter.Adapt(ClarifyReply(), TeamsConversationTypes.GroupChat);
        var answer = TeamsReplyAdapter.Adapt(
            ReplyActivityFactory.ToActivity(new BotReply(ReplyKind.Answer, "Answer.") { FaqId = "onset", Score = 0.9, DisclaimerKey = "dosing", Choices = Choices[..1] }),
            TeamsConversationTypes.GroupChat);

        Assert.Equal(TeamsReplyOptions.Default.ClarifyPrompt, (string?)clarify.Attachments![0].Content!["body"]![0]!["text"]);
        Assert.Equal(TeamsReplyOptions.Default.AnswerPrompt, (string?)answer.Attachments![0].Content!["body"]![0]!["text"]);
    }

    [Fact]
    public void Text_stays_in_the_activity_so_answer_and_disclaimer_travel_together()
    {
        var reply = TeamsReplyAdapter.Adapt(ClarifyReply(), TeamsConversationTypes.Channel);

        Assert.Equal("Did you mean one of these?", reply.Text);
    }

    [Theory]
    [InlineData(TeamsConversationTypes.Personal)]
    [InlineData(TeamsConversationTypes.Channel)]
    public void Reply_contract_survives_adaptation(string conversationType)
    {
        var reply = TeamsReplyAdapter.Adapt(ClarifyReply(), conversationType, teamsChannelData: new JsonObject
        {
            ["notification"] = new JsonObject { ["alert"] = true },
            ["faqBot"] = new JsonObject { ["kind"] = "overwritten" },
        });

        var faqBot = reply.ReadFaqBot()!;
        Assert.Equal("clarify", (string?)faqBot["kind"]);
        Assert.Equal(["onset", "missed-dose"], faqBot["candidates"]!.AsArray().Select(n => (string)n!));
        Assert.True((bool)reply.ChannelData!["notification"]!["alert"]!);
    }

    [Fact]
    public void Merging_keeps_existing_members_and_adds_new_nested_ones()
    {
        var reply = ClarifyReply();
        reply.ChannelData!["tenant"] = new JsonObject { ["id"] = "kept" };

        TeamsReplyAdapter.MergeChannelData(reply, new JsonObject { ["tenant"] = new JsonObject { ["id"] = "other", ["extra"] = 1 } });

        Assert.Equal("kept", (string?)reply.ChannelData["tenant"]!["id"]);
        Assert.Equal(1, (int)reply.ChannelData["tenant"]!["extra"]!);
    }

    [Fact]
    public void Markdown_is_converted_for_teams()
    {
        var reply = ReplyActivityFactory.ToActivity(new BotReply(ReplyKind.Answer, "## Forms\n| Form | Strength |\n|---|---|\n| Tablet | 10 mg |"));

        TeamsReplyAdapter.Adapt(reply, TeamsConversationTypes.Personal);

        Assert.Equal("**Forms**\n\n- **Tablet**: 10 mg", reply.Text);
    }

    [Fact]
    public void Emergency_text_is_sent_exactly_as_configured()
    {
        const string configured = "# Call 911 now\n| not | a table |\n|---|---|";
        var reply = ReplyActivityFactory.ToActivity(new BotReply(ReplyKind.Emergency, configured) { Trigger = "overdose" });

        TeamsReplyAdapter.Adapt(reply, TeamsConversationTypes.Channel);

        Assert.Equal(configured, reply.Text);
    }

    [Fact]
    public void AdaptFor_uses_the_incoming_conversation_type()
    {
        var channel = TeamsReplyAdapter.AdaptFor(ClarifyReply(), BotFixtures.Load("msteams-message-channel-mention.json"));
        var personal = TeamsReplyAdapter.AdaptFor(ClarifyReply(), BotFixtures.Load("msteams-message-personal.json"));

        Assert.NotNull(channel.Attachments);
        Assert.Null(channel.SuggestedActions);
        Assert.NotNull(personal.SuggestedActions);
        Assert.Null(personal.Attachments);
    }

    [Theory]
    [InlineData("emulator-message-channel-mention.json")]
    [InlineData("webchat-message.json")]
    [InlineData("directline-message.json")]
    public void AdaptFor_leaves_other_channels_untouched(string fixture)
    {
        var before = ClarifyReply();
        var expected = JsonSerializer.Serialize(before, ProtocolJson.Options);

        var after = TeamsReplyAdapter.AdaptFor(before, BotFixtures.Load(fixture));

        Assert.Equal(expected, JsonSerializer.Serialize(after, ProtocolJson.Options));
    }

    [Fact]
    public void Adapted_card_serializes_as_a_teams_attachment()
    {
        var reply = TeamsReplyAdapter.Adapt(ClarifyReply(), TeamsConversationTypes.GroupChat);

        var json = JsonNode.Parse(JsonSerializer.Serialize(reply, ProtocolJson.Options))!;

        Assert.Null(json["suggestedActions"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)json["attachments"]![0]!["contentType"]);
        Assert.Equal("Action.Submit", (string?)json["attachments"]![0]!["content"]!["actions"]![0]!["type"]);
        Assert.Equal("clarify", (string?)json["channelData"]!["faqBot"]!["kind"]);
    }

    [Fact]
    public void Open_url_choice_becomes_an_open_url_action()
    {
        var reply = MessageFactorySuggested(new CardAction { Type = ActionTypes.OpenUrl, Title = "NHS", Value = JsonValue.Create("https://www.nhs.uk/") });

        TeamsReplyAdapter.Adapt(reply, TeamsConversationTypes.Channel);

        var action = reply.Attachments![0].Content!["actions"]![0]!;
        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.Equal("https://www.nhs.uk/", (string?)action["url"]);
    }

    private static Activity MessageFactorySuggested(CardAction action) =>
        Baclofen.Bot.Protocol.Builder.MessageFactory.SuggestedActions([action], "Links");
}
