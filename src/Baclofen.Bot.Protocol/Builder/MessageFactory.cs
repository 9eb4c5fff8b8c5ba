using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Builder;

/// <summary>Bot Builder's helpers for outgoing message activities.</summary>
public static class MessageFactory
{
    public static Activity Text(string text, string? textFormat = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = textFormat,
    };

    public static Activity SuggestedActions(IEnumerable<CardAction> actions, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        SuggestedActions = new SuggestedActions { Actions = actions.ToList() },
    };
}
