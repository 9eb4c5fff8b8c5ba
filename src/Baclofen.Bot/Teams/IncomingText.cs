using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Teams;

namespace Baclofen.Bot.Teams;

/// <summary>
/// The question in an incoming message, whatever shape it came in: typed text with the bot's
/// @mention removed, or the data of an Adaptive Card Action.Submit that arrived without text
/// (clients that do not turn msteams imBack into a message, or a card of our own with a
/// <c>text</c>/<c>question</c> field). Null when there is nothing to answer: reactions,
/// edits, deletes, a file or image on its own.
/// </summary>
public static class IncomingText
{
    public static string? Read(Activity incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (!string.Equals(incoming.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var typed = incoming.RemoveRecipientMention();
        if (typed.Length > 0)
        {
            return typed;
        }

        return FromCardSubmit(incoming.Value);
    }

    /// <summary>The user's text in an Action.Submit data object, or null.</summary>
    public static string? FromCardSubmit(JsonNode? value)
    {
        if (value is not JsonObject data)
        {
            return null;
        }

        if (data["msteams"] is JsonObject msteams)
        {
            var type = Text(msteams["type"]);
            var fromTeams = string.Equals(type, "messageBack", StringComparison.OrdinalIgnoreCase)
                ? Text(msteams["text"]) ?? Text(msteams["displayText"])
                : Text(msteams["value"]);
            if (fromTeams is not null)
            {
                return fromTeams;
            }
        }

        return Text(data["text"]) ?? Text(data["question"]);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
