using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Teams;

/// <summary>
/// Choices as an Adaptive Card, for the Teams conversations where suggested actions do not
/// show (group chats and channels). Each button is an Action.Submit whose msteams imBack data
/// makes Teams post the question as the user's own message, so a click is an ordinary turn.
/// </summary>
public static class ChoiceCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>
    /// The card uses only 1.0 elements; declaring 1.2 rather than the 1.5 Teams desktop accepts
    /// lets older mobile clients render it instead of a "card not supported" placeholder.
    /// </summary>
    public const string Version = "1.2";

    public static Attachment Build(string prompt, IEnumerable<CardAction> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var card = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["body"] = new JsonArray(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = prompt,
                ["wrap"] = true,
                ["weight"] = "Bolder",
            }),
            ["actions"] = new JsonArray([.. choices.Select(ToCardAction)]),
            // Full width gives long question titles room before Teams truncates them.
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };

        return new Attachment { ContentType = ContentType, Content = card };
    }

    private static JsonNode ToCardAction(CardAction action)
    {
        var value = ValueText(action);
        var title = action.Title ?? value;
        return action.Type switch
        {
            ActionTypes.OpenUrl => new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = value },
            ActionTypes.MessageBack => Submit(title, new JsonObject
            {
                ["type"] = "messageBack",
                ["text"] = action.Text ?? value,
                ["displayText"] = action.DisplayText ?? title,
                ["value"] = action.Value?.DeepClone(),
            }),
            // imBack and postBack: the question itself becomes the user's message.
            _ => Submit(title, new JsonObject { ["type"] = "imBack", ["value"] = value }),
        };
    }

    private static JsonObject Submit(string title, JsonObject msteams) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["msteams"] = msteams },
    };

    private static string ValueText(CardAction action) =>
        action.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s
        : action.Value?.ToJsonString() ?? action.Text ?? action.Title ?? string.Empty;
}
