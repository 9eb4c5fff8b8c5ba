using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Teams;

/// <summary>
/// Bot Builder's mention helpers. In group chats and channels Teams only delivers messages
/// that @mention the bot, and the mention arrives inside the text as <c>&lt;at&gt;Bot&lt;/at&gt;</c>;
/// left there, it would be read as part of the user's question.
/// </summary>
public static partial class TeamsMentions
{
    public const string MentionEntityType = "mention";

    public static IReadOnlyList<Mention> GetMentions(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Entities is null)
        {
            return [];
        }

        var mentions = new List<Mention>();
        foreach (var entity in activity.Entities)
        {
            if (!string.Equals(entity.Type, MentionEntityType, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string? id = null, name = null, text = null;
            if (entity.Properties is { } properties)
            {
                if (properties.TryGetValue("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object)
                {
                    id = StringMember(mentioned, "id");
                    name = StringMember(mentioned, "name");
                }

                if (properties.TryGetValue("text", out var markup) && markup.ValueKind == JsonValueKind.String)
                {
                    text = markup.GetString();
                }
            }

            mentions.Add(new Mention(id, name, text, entity));
        }

        return mentions;
    }

    /// <summary>
    /// Removes the mentions of the bot itself (mentioned.id equals recipient.id) from
    /// activity.text and from activity.entities, and returns the cleaned, trimmed text.
    /// Mentions of other people stay: "ask <c>&lt;at&gt;Dr Lee&lt;/at&gt;</c>" is part of what
    /// the user said. Without a bot mention the activity is left as it is.
    /// </summary>
    public static string RemoveRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        var text = activity.Text ?? string.Empty;
        if (string.IsNullOrEmpty(botId))
        {
            return text.Trim();
        }

        var botMentions = activity.GetMentions()
            .Where(m => string.Equals(m.MentionedId, botId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (botMentions.Count == 0)
        {
            return text.Trim();
        }

        foreach (var mention in botMentions)
        {
            text = RemoveMarkup(text, mention);
            activity.Entities!.Remove(mention.Entity);
        }

        var cleaned = Tidy(text);
        activity.Text = cleaned;
        return cleaned;
    }

    private static string RemoveMarkup(string text, Mention mention)
    {
        // The entity's own markup is what Teams put in the text, so try it verbatim first.
        if (!string.IsNullOrEmpty(mention.Text))
        {
            var at = text.IndexOf(mention.Text, StringComparison.Ordinal);
            if (at >= 0)
            {
                return string.Concat(text.AsSpan(0, at), " ", text.AsSpan(at + mention.Text.Length));
            }
        }

        // Otherwise any <at> element naming the bot, whatever its spacing, attributes or HTML
        // encoding (clients and proxies re-serialise the markup differently).
        var names = new[] { mention.MentionedName, InnerName(mention.Text) }
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => NormalizeName(n!))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0)
        {
            return text;
        }

        return AtElement().Replace(text, match => names.Contains(NormalizeName(match.Groups["name"].Value)) ? " " : match.Value);
    }

    private static string? InnerName(string? markup)
    {
        if (string.IsNullOrEmpty(markup))
        {
            return null;
        }

        var match = AtElement().Match(markup);
        return match.Success ? match.Groups["name"].Value : markup;
    }

    private static string NormalizeName(string name)
    {
        var decoded = WebUtility.HtmlDecode(name);
        var builder = new StringBuilder(decoded.Length);
        foreach (var word in decoded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(word);
        }

        return builder.ToString();
    }

    // Removing a mention from the middle of a sentence leaves two spaces; from the start, one.
    private static string Tidy(string text) => MultipleSpaces().Replace(text, " ").Trim();

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"<\s*at(?:\s[^>]*)?>(?<name>.*?)<\s*/\s*at\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtElement();

    [GeneratedRegex(@"[ \t\u00A0]{2,}")]
    private static partial Regex MultipleSpaces();
}
