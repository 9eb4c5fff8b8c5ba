using System.Text.Json;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Teams;

namespace Baclofen.Bot.Protocol.Tests.Teams;

public class TeamsMentionsTests
{
    [Theory]
    [InlineData("msteams-message-groupChat-mention.json", "what is the faq (group)")]
    [InlineData("msteams-message-channel-mention.json", "what is the faq (channel)")]
    [InlineData("emulator-message-groupChat-mention.json", "what is the faq (group)")]
    [InlineData("emulator-message-channel-mention.json", "what is the faq (channel)")]
    public void Bot_mention_is_removed_from_the_text_of_recorded_messages(string fixture, string expected)
    {
        var activity = TeamsFixtures.Load(fixture);

        var cleaned = activity.RemoveRecipientMention();

        Assert.Equal(expected, cleaned);
        Assert.Equal(expected, activity.Text);
    }

    [Theory]
    [InlineData("msteams-message-groupChat-mention.json")]
    [InlineData("msteams-message-channel-mention.json")]
    public void Bot_mention_entity_is_removed_and_other_entities_stay(string fixture)
    {
        var activity = TeamsFixtures.Load(fixture);
        Assert.Single(activity.GetMentions());

        activity.RemoveRecipientMention();

        Assert.Empty(activity.GetMentions());
        Assert.Contains(activity.Entities!, e => e.Type == "clientInfo");
    }

    [Fact]
    public void GetMentions_reads_id_name_and_markup()
    {
        var activity = TeamsFixtures.Load("msteams-message-channel-mention.json");

        var mention = Assert.Single(activity.GetMentions());

        Assert.Equal("00000000-0000-0000-0000-00000000000011", mention.MentionedId);
        Assert.Equal("Test Bot", mention.MentionedName);
        Assert.Equal("<at>Test Bot</at>", mention.Text);
    }

    [Fact]
    public void Another_users_mention_stays_in_text_and_entities()
    {
        var activity = Message(
            "<at>Baclofen Bot</at> should I ask <at>Dr Lee</at> about stopping?",
            Mention("bot-1", "Baclofen Bot"),
            Mention("user-7", "Dr Lee"));

        var cleaned = activity.RemoveRecipientMention();

        Assert.Equal("should I ask <at>Dr Lee</at> about stopping?", cleaned);
        var remaining = Assert.Single(activity.GetMentions());
        Assert.Equal("user-7", remaining.MentionedId);
    }

    [Fact]
    public void Mention_in_the_middle_leaves_single_spaces()
    {
        var activity = Message("hey <at>Baclofen Bot</at> does it work immediately?", Mention("bot-1", "Baclofen Bot"));

        Assert.Equal("hey does it work immediately?", activity.RemoveRecipientMention());
    }

    [Theory]
    [InlineData("<at>Baclofen Bot</at> does it work immediately?")]
    [InlineData("< at >Baclofen Bot</ at > does it work immediately?")]
    [InlineData("<at id=\"0\">  Baclofen   Bot </at> does it work immediately?")]
    [InlineData("<AT>Baclofen&nbsp;Bot</AT>\u00A0does it work immediately?")]
    [InlineData("<at>Baclofen&#32;Bot</at> does it work immediately?")]
    public void Markup_variants_of_the_bot_mention_are_removed(string text)
    {
        // The entity's markup differs from the text, as when a proxy re-serialises the HTML.
        var activity = Message(text, Mention("bot-1", "Baclofen Bot", markup: "<at>Baclofen Bot </at>"));

        Assert.Equal("does it work immediately?", activity.RemoveRecipientMention());
    }

    [Fact]
    public void Html_encoded_name_in_the_entity_matches_the_plain_name_in_the_text()
    {
        var activity = Message("<at>O'Brien Bot</at> can I drink alcohol?", Mention("bot-1", "O&#39;Brien Bot", markup: "<at>O&#39;Brien Bot</at>"));

        Assert.Equal("can I drink alcohol?", activity.RemoveRecipientMention());
    }

    [Fact]
    public void Mention_of_the_bot_is_matched_by_id_not_by_name()
    {
        // Someone else who happens to share the bot's display name is not the bot.
        var activity = Message("<at>Baclofen Bot</at> hi", Mention("user-9", "Baclofen Bot"));

        Assert.Equal("<at>Baclofen Bot</at> hi", activity.RemoveRecipientMention());
        Assert.Single(activity.GetMentions());
    }

    [Fact]
    public void Message_without_mentions_is_only_trimmed()
    {
        var activity = TeamsFixtures.Load("msteams-message-personal.json");

        Assert.Equal("hello from playwright (msteams)", activity.RemoveRecipientMention());
        Assert.Equal("hello from playwright (msteams)", activity.Text);
    }

    [Fact]
    public void Message_that_is_only_the_mention_becomes_empty()
    {
        var activity = Message("<at>Baclofen Bot</at>", Mention("bot-1", "Baclofen Bot"));

        Assert.Equal(string.Empty, activity.RemoveRecipientMention());
    }

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount { Id = "bot-1", Name = "Baclofen Bot" },
        Entities = [.. entities, new Entity { Type = "clientInfo" }],
    };

    private static Entity Mention(string id, string name, string? markup = null)
    {
        var json = JsonSerializer.Serialize(new { type = "mention", mentioned = new { id, name }, text = markup ?? $"<at>{name}</at>" });
        return JsonSerializer.Deserialize<Entity>(json, ProtocolJson.Options)!;
    }
}
