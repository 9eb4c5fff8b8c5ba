using System.Text.Json.Nodes;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Replies;

/// <summary>
/// Turns a pipeline reply into the activity the channel receives: Markdown text, buttons as
/// suggested actions, and the reply contract in channelData.faqBot.
/// </summary>
public static class ReplyActivityFactory
{
    public static Activity ToActivity(BotReply reply)
    {
        var activity = MessageFactory.Text(reply.Text, TextFormatTypes.Markdown);
        // An emergency reply waits for nothing; the rest invite the next question.
        activity.InputHint = InputHints.AcceptingInput;
        if (reply.Choices.Count > 0)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = [.. reply.Choices.Select(c => new CardAction { Type = ActionTypes.ImBack, Title = c.Title, Value = JsonValue.Create(c.Value) })],
            };
        }

        return activity.WithFaqBot(ContractOf(reply));
    }

    public static JsonObject ContractOf(BotReply reply)
    {
        var faqBot = new JsonObject { ["kind"] = KindName(reply.Kind) };
        switch (reply.Kind)
        {
            case ReplyKind.Emergency:
                faqBot["trigger"] = reply.Trigger;
                // So a clinic can review how the gate behaves; never the message text.
                faqBot["detector"] = reply.Detector ?? "rules";
                break;
            case ReplyKind.Answer:
                faqBot["faqId"] = reply.FaqId;
                faqBot["score"] = reply.Score;
                faqBot["disclaimer"] = reply.DisclaimerKey;
                break;
            case ReplyKind.Clarify:
                faqBot["candidates"] = new JsonArray([.. reply.Candidates.Select(id => (JsonNode?)JsonValue.Create(id))]);
                break;
        }

        return faqBot;
    }

    public static string KindName(ReplyKind kind) => kind switch
    {
        ReplyKind.Emergency => "emergency",
        ReplyKind.Answer => "answer",
        ReplyKind.Clarify => "clarify",
        ReplyKind.Fallback => "fallback",
        ReplyKind.SmallTalk => "smalltalk",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
