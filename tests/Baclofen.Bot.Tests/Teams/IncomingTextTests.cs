using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Teams;

namespace Baclofen.Bot.Tests.Teams;

public class IncomingTextTests
{
    [Fact]
    public void Channel_message_yields_the_question_without_the_bot_mention()
    {
        Assert.Equal("what is the faq (channel)", IncomingText.Read(BotFixtures.Load("msteams-message-channel-mention.json")));
    }

    [Fact]
    public void Personal_message_yields_its_text()
    {
        Assert.Equal("hello from playwright (msteams)", IncomingText.Read(BotFixtures.Load("msteams-message-personal.json")));
    }

    [Fact]
    public void Card_click_with_imBack_value_but_no_text_is_answered()
    {
        var activity = BotFixtures.Load("msteams-message-channel-mention.json");
        activity.Text = null;
        activity.Entities = null;
        activity.Value = JsonNode.Parse("""{"msteams":{"type":"imBack","value":"Does baclofen work immediately?"}}""");

        Assert.Equal("Does baclofen work immediately?", IncomingText.Read(activity));
    }

    [Theory]
    [InlineData("""{"msteams":{"type":"messageBack","text":"can I drink alcohol?","displayText":"Alcohol"}}""", "can I drink alcohol?")]
    [InlineData("""{"text":"how long does it last?"}""", "how long does it last?")]
    [InlineData("""{"question":"  is it addictive?  "}""", "is it addictive?")]
    [InlineData("""{"msteams":{"type":"imBack","value":""},"question":"fallback field"}""", "fallback field")]
    public void Submit_data_shapes_are_read(string value, string expected)
    {
        Assert.Equal(expected, IncomingText.FromCardSubmit(JsonNode.Parse(value)));
    }

    [Theory]
    [InlineData("""{"rating":5}""")]
    [InlineData("""{"text":42}""")]
    [InlineData("\"just a string\"")]
    public void Submit_data_without_a_question_yields_nothing(string value)
    {
        Assert.Null(IncomingText.FromCardSubmit(JsonNode.Parse(value)));
    }

    [Fact]
    public void File_only_message_yields_nothing()
    {
        var activity = BotFixtures.Load("msteams-message-personal.json");
        activity.Text = null;
        activity.Attachments = [new Attachment { ContentType = "application/vnd.microsoft.teams.file.download.info", Name = "scan.pdf" }];

        Assert.Null(IncomingText.Read(activity));
    }

    [Fact]
    public void Mention_only_message_yields_nothing()
    {
        var activity = BotFixtures.Load("msteams-message-groupChat-mention.json");
        activity.Text = "<at>Test Bot</at>";

        Assert.Null(IncomingText.Read(activity));
    }

    [Theory]
    [InlineData(ActivityTypes.MessageReaction)]
    [InlineData(ActivityTypes.MessageUpdate)]
    [InlineData(ActivityTypes.MessageDelete)]
    public void Reactions_edits_and_deletes_yield_nothing(string type)
    {
        var activity = BotFixtures.Load("msteams-message-personal.json");
        activity.Type = type;

        Assert.Null(IncomingText.Read(activity));
    }
}
