using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// Issue 4 end to end: the safety gate through /api/messages in every channel the bot serves
/// (Emulator, Teams personal / group chat / channel, Web Chat, Direct Line), each message built
/// from that channel's captured activity and posted as its connector would, replies read as
/// they arrive at a loopback connector (or in the expectReplies response) and checked in order.
/// </summary>
public sealed class SafetyGateInEveryChannelTests(BotAndChannel host) : IClassFixture<BotAndChannel>
{
    private const string InformationalQuestion = "what are the signs of a baclofen overdose?";

    public static TheoryData<string> Channels => [.. ChannelMessages.All];

    // Issue 17: a message only the learned classifier recognises (the rules miss it).
    private const string ClassifierOnlyEmergency = "my boyfriend won't wake up after taking baclofen";

    public static TheoryData<string, string, string, string> EmergencyReports()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var channel in ChannelMessages.All)
        {
            data.Add(channel, "my son swallowed a whole bottle of baclofen", "overdose", "both");
            data.Add(channel, "she's seizing and won't wake up", "unresponsive", "both");
            data.Add(channel, ChannelMessages.IsTeamsGroupOrChannel(channel) ? "<at>Test Bot</at> he stopped breathing" : "he stopped breathing", "breathing", "both");
            data.Add(channel, ClassifierOnlyEmergency, "unresponsive", "classifier");
        }

        return data;
    }

    public static TheoryData<string, string> BenignLookAlikes()
    {
        var data = new TheoryData<string, string>();
        foreach (var channel in ChannelMessages.All)
        {
            data.Add(channel, "I stopped taking it last week, is that ok?");
            data.Add(channel, "my breathing exercises help");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EmergencyReports))]
    public async Task Emergency_report_gets_exactly_one_reply_the_configured_emergency_text(string channel, string text, string trigger, string detector)
    {
        var message = ChannelMessages.Message(channel, text, host.Channel.ServiceUrl);

        var replies = await host.PostAsync(message);

        var reply = Assert.Single(replies);
        Assert.Equal(ChannelMessages.EmergencyResponse, reply.Text);
        AssertEmergencyContract(reply.Body, trigger, detector);
        // Nothing to click in an emergency: no buttons, no card competing with the instruction.
        Assert.Null(reply.Body["suggestedActions"]);
        Assert.Null(reply.Body["attachments"]);
        AssertAddressedToTheSender(reply.Body, message);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Informational_overdose_question_gets_the_emergency_reply_first_then_the_answer_in_arrival_order(string channel)
    {
        var message = ChannelMessages.Message(channel, InformationalQuestion, host.Channel.ServiceUrl);

        var replies = await host.PostAsync(message);

        Assert.Equal(2, replies.Count);
        Assert.Equal(ChannelMessages.EmergencyResponse, replies[0].Text);
        AssertEmergencyContract(replies[0].Body, "overdose");
        AssertOverdoseAnswer(replies[1].Body, channel);
        Assert.All(replies, r => AssertAddressedToTheSender(r.Body, message));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Informational_overdose_question_with_expectReplies_returns_the_emergency_reply_first_in_the_array(string channel)
    {
        var message = ChannelMessages.Message(channel, InformationalQuestion, host.Channel.ServiceUrl);

        var replies = await host.PostExpectingRepliesAsync(message);

        Assert.Equal(2, replies.Count);
        Assert.Equal(ChannelMessages.EmergencyResponse, replies[0]["text"]!.GetValue<string>());
        AssertEmergencyContract(replies[0], "overdose");
        AssertOverdoseAnswer(replies[1], channel);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Topic_question_without_a_card_keyword_gets_its_answer_and_no_emergency_text(string channel)
    {
        var message = ChannelMessages.Message(channel, "how long does baclofen withdrawal last?", host.Channel.ServiceUrl);

        var replies = await host.PostAsync(message);

        var reply = Assert.Single(replies);
        Assert.Equal("answer", reply.FaqBotKind);
        Assert.DoesNotContain(ChannelMessages.EmergencyResponse, reply.Text ?? "");
    }

    [Theory]
    [MemberData(nameof(BenignLookAlikes))]
    public async Task Benign_look_alike_gets_no_emergency_reply(string channel, string text)
    {
        var message = ChannelMessages.Message(channel, text, host.Channel.ServiceUrl);

        var replies = await host.PostAsync(message);

        Assert.NotEmpty(replies);
        Assert.All(replies, reply =>
        {
            Assert.NotEqual("emergency", reply.FaqBotKind);
            Assert.NotNull(reply.FaqBotKind);
            Assert.DoesNotContain(ChannelMessages.EmergencyResponse, reply.Text ?? "");
        });
    }

    private static void AssertEmergencyContract(JsonObject reply, string trigger, string? detector = null)
    {
        var faqBot = reply["channelData"]?["faqBot"] as JsonObject;
        Assert.NotNull(faqBot);
        Assert.Equal("emergency", faqBot["kind"]!.GetValue<string>());
        Assert.Equal(trigger, faqBot["trigger"]!.GetValue<string>());
        var named = faqBot["detector"]!.GetValue<string>();
        Assert.Contains(named, new[] { "rules", "classifier", "both" });
        if (detector is not null) Assert.Equal(detector, named);
    }

    private static void AssertOverdoseAnswer(JsonObject reply, string channel)
    {
        var faqBot = reply["channelData"]?["faqBot"] as JsonObject;
        Assert.NotNull(faqBot);
        Assert.Equal("answer", faqBot["kind"]!.GetValue<string>());
        Assert.Equal("overdose-symptoms", faqBot["faqId"]!.GetValue<string>());
        Assert.NotEqual(ChannelMessages.EmergencyResponse, reply["text"]!.GetValue<string>());
        if (ChannelMessages.IsTeamsGroupOrChannel(channel))
        {
            // Teams shaping turned the follow-ups into a card; the contract is still beside it.
            Assert.Null(reply["suggestedActions"]);
            Assert.Contains(reply["attachments"]!.AsArray(), a => a!["contentType"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive");
        }
    }

    private static void AssertAddressedToTheSender(JsonObject reply, JsonObject message)
    {
        Assert.Equal(message["channelId"]!.GetValue<string>(), reply["channelId"]!.GetValue<string>());
        Assert.Equal(message["conversation"]!["id"]!.GetValue<string>(), reply["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(message["id"]!.GetValue<string>(), reply["replyToId"]!.GetValue<string>());
        Assert.Equal(message["from"]!["id"]!.GetValue<string>(), reply["recipient"]!["id"]!.GetValue<string>());
    }
}
