using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Teams;
using Baclofen.Bot.Replies;

namespace Baclofen.Bot.Teams;

/// <summary>
/// Shapes a reply made by <see cref="ReplyActivityFactory"/> for Teams: Markdown Teams can
/// render, and buttons that show where the reply lands. Suggested actions are kept only in
/// personal chats and only up to <see cref="TeamsReplyOptions.MaxSuggestedActions"/>; otherwise
/// they become an Adaptive Card, which every Teams scope and client shows in full. The text is
/// never moved into the card: the answer and its disclaimer stay together in activity.text
/// (design.md).
/// </summary>
public static class TeamsReplyAdapter
{
    /// <summary>
    /// Adapts <paramref name="reply"/> when <paramref name="incoming"/> came from Teams;
    /// replies on every other channel are returned untouched.
    /// </summary>
    public static Activity AdaptFor(Activity reply, Activity incoming, TeamsReplyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return TeamsChannelIds.IsTeams(incoming.ChannelId)
            ? Adapt(reply, incoming.GetTeamsConversationType(), options)
            : reply;
    }

    /// <summary>Adapts a reply for a Teams conversation of the given type (personal, groupChat, channel).</summary>
    public static Activity Adapt(Activity reply, string? conversationType, TeamsReplyOptions? options = null, JsonObject? teamsChannelData = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        options ??= TeamsReplyOptions.Default;

        // The emergency reply is exactly the configured text (design.md), so it is never rewritten.
        if (reply.Text is not null && !string.Equals(reply.TextFormat, TextFormatTypes.Plain, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(reply.TextFormat, TextFormatTypes.Xml, StringComparison.OrdinalIgnoreCase)
            && KindOf(reply) != "emergency")
        {
            reply.Text = TeamsMarkdown.Convert(reply.Text);
        }

        var isPersonal = string.IsNullOrEmpty(conversationType)
            || string.Equals(conversationType, TeamsConversationTypes.Personal, StringComparison.OrdinalIgnoreCase);
        if (reply.SuggestedActions is { Actions.Count: > 0 } suggested
            && (!isPersonal || suggested.Actions.Count > options.MaxSuggestedActions))
        {
            reply.Attachments ??= [];
            reply.Attachments.Add(ChoiceCard.Build(PromptFor(reply, options), suggested.Actions));
            reply.SuggestedActions = null;
        }

        if (teamsChannelData is not null)
        {
            MergeChannelData(reply, teamsChannelData);
        }

        return reply;
    }

    /// <summary>
    /// Adds Teams channelData members beside what is already there. Existing members win and
    /// the reply contract's faqBot is never touched, whatever the Teams object holds.
    /// </summary>
    public static Activity MergeChannelData(Activity reply, JsonObject teamsChannelData)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(teamsChannelData);
        reply.ChannelData ??= new JsonObject();
        foreach (var (key, value) in teamsChannelData)
        {
            if (key == FaqBotChannelData.Key)
            {
                continue;
            }

            MergeMember(reply.ChannelData, key, value);
        }

        return reply;
    }

    private static void MergeMember(JsonObject target, string key, JsonNode? value)
    {
        if (!target.TryGetPropertyValue(key, out var existing))
        {
            target[key] = value?.DeepClone();
        }
        else if (existing is JsonObject existingObject && value is JsonObject incomingObject)
        {
            foreach (var (childKey, childValue) in incomingObject)
            {
                MergeMember(existingObject, childKey, childValue);
            }
        }
    }

    private static string? KindOf(Activity reply) =>
        reply.ReadFaqBot()?["kind"] is JsonValue kind && kind.TryGetValue<string>(out var name) ? name : null;

    private static string PromptFor(Activity reply, TeamsReplyOptions options) =>
        KindOf(reply) switch
        {
            "clarify" => options.ClarifyPrompt,
            "answer" => options.AnswerPrompt,
            _ => options.OtherPrompt,
        };
}
