using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baclofen.Bot.Protocol.Schema;

/// <summary>
/// Writes activities exactly as <c>JsonSerializer</c> with <see cref="ProtocolJson.Options"/> would
/// (same members, same order, nulls left out, unknown members last), member by member.
/// Why not the serializer: every schema type keeps unknown members as extension data, which holds
/// System.Text.Json to its slower metadata-driven path even with generated code, and an activity
/// is written on every turn (the expectReplies body, the Direct Line transcript, the connector).
/// Reading still goes through the serializer. A test writes generated activities both ways and
/// requires the same bytes, so a member added to the schema and not here fails the build's tests.
/// </summary>
public static class ActivityJsonWriter
{
    public static byte[] ToUtf8Bytes(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, ProtocolJson.WriterOptions))
        {
            Write(writer, activity);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The expectReplies response body: <c>{"activities":[...]}</c>.</summary>
    public static void Write(Utf8JsonWriter writer, ExpectedReplies replies)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(replies);
        writer.WriteStartObject();
        ListMember(writer, Names.Activities, replies.Activities, Write);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(activity);
        var a = activity;
        writer.WriteStartObject();
        StringMember(writer, Names.Type, a.Type);
        StringMember(writer, Names.Id, a.Id);
        TimeMember(writer, Names.Timestamp, a.Timestamp);
        TimeMember(writer, Names.LocalTimestamp, a.LocalTimestamp);
        StringMember(writer, Names.LocalTimezone, a.LocalTimezone);
        StringMember(writer, Names.ServiceUrl, a.ServiceUrl);
        StringMember(writer, Names.ChannelId, a.ChannelId);
        ObjectMember(writer, Names.From, a.From, Write);
        ObjectMember(writer, Names.Conversation, a.Conversation, Write);
        ObjectMember(writer, Names.Recipient, a.Recipient, Write);
        StringMember(writer, Names.TextFormat, a.TextFormat);
        StringMember(writer, Names.AttachmentLayout, a.AttachmentLayout);
        ListMember(writer, Names.MembersAdded, a.MembersAdded, Write);
        ListMember(writer, Names.MembersRemoved, a.MembersRemoved, Write);
        ListMember(writer, Names.ReactionsAdded, a.ReactionsAdded, Write);
        ListMember(writer, Names.ReactionsRemoved, a.ReactionsRemoved, Write);
        StringMember(writer, Names.TopicName, a.TopicName);
        StringMember(writer, Names.Locale, a.Locale);
        LongStringMember(writer, Names.Text, a.Text);
        StringMember(writer, Names.Speak, a.Speak);
        StringMember(writer, Names.InputHint, a.InputHint);
        StringMember(writer, Names.Summary, a.Summary);
        ObjectMember(writer, Names.SuggestedActions, a.SuggestedActions, Write);
        ListMember(writer, Names.Attachments, a.Attachments, Write);
        ListMember(writer, Names.Entities, a.Entities, Write);
        NodeMember(writer, Names.ChannelData, a.ChannelData);
        StringMember(writer, Names.Action, a.Action);
        StringMember(writer, Names.ReplyToId, a.ReplyToId);
        StringMember(writer, Names.Label, a.Label);
        StringMember(writer, Names.ValueType, a.ValueType);
        NodeMember(writer, Names.Value, a.Value);
        StringMember(writer, Names.Name, a.Name);
        ObjectMember(writer, Names.RelatesTo, a.RelatesTo, Write);
        StringMember(writer, Names.Code, a.Code);
        TimeMember(writer, Names.Expiration, a.Expiration);
        StringMember(writer, Names.Importance, a.Importance);
        StringMember(writer, Names.DeliveryMode, a.DeliveryMode);
        ListMember(writer, Names.ListenFor, a.ListenFor, WriteString);
        ListMember(writer, Names.TextHighlights, a.TextHighlights, Write);
        Extensions(writer, a.Properties);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, ChannelAccount account)
    {
        writer.WriteStartObject();
        StringMember(writer, Names.Id, account.Id);
        StringMember(writer, Names.Name, account.Name);
        StringMember(writer, Names.AadObjectId, account.AadObjectId);
        StringMember(writer, Names.Role, account.Role);
        Extensions(writer, account.Properties);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, ConversationAccount conversation)
    {
        writer.WriteStartObject();
        StringMember(writer, Names.Id, conversation.Id);
        StringMember(writer, Names.Name, conversation.Name);
        if (conversation.IsGroup is { } isGroup)
        {
            writer.WriteBoolean(Names.IsGroup, isGroup);
        }

        StringMember(writer, Names.ConversationType, conversation.ConversationType);
        StringMember(writer, Names.TenantId, conversation.TenantId);
        StringMember(writer, Names.AadObjectId, conversation.AadObjectId);
        StringMember(writer, Names.Role, conversation.Role);
        Extensions(writer, conversation.Properties);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, ConversationReference reference)
    {
        writer.WriteStartObject();
        StringMember(writer, Names.ActivityId, reference.ActivityId);
        ObjectMember(writer, Names.User, reference.User, Write);
        ObjectMember(writer, Names.Bot, reference.Bot, Write);
        ObjectMember(writer, Names.Conversation, reference.Conversation, Write);
        StringMember(writer, Names.ChannelId, reference.ChannelId);
        StringMember(writer, Names.Locale, reference.Locale);
        StringMember(writer, Names.ServiceUrl, reference.ServiceUrl);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, MessageReaction reaction)
    {
        writer.WriteStartObject();
        StringMember(writer, Names.Type, reaction.Type);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, SuggestedActions suggested)
    {
        writer.WriteStartObject();
        ListMember(writer, Names.To, suggested.To, WriteString);
        ListMember(writer, Names.Actions, suggested.Actions, Write);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, CardAction action)
    {
        writer.WriteStartObject();
        StringMember(writer, Names.Type, action.Type);
        StringMember(writer, Names.Title, action.Title);
        StringMember(writer, Names.Image, action.Image);
        StringMember(writer, Names.Text, action.Text);
        StringMember(writer, Names.DisplayText, action.DisplayText);
        NodeMember(writer, Names.Value, action.Value);
        Extensions(writer, action.Properties);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Attachment attachment)
    {
        writer.WriteStartObject();
        StringMember(writer, Names.ContentType, attachment.ContentType);
        StringMember(writer, Names.ContentUrl, attachment.ContentUrl);
        NodeMember(writer, Names.Content, attachment.Content);
        StringMember(writer, Names.Name, attachment.Name);
        StringMember(writer, Names.ThumbnailUrl, attachment.ThumbnailUrl);
        Extensions(writer, attachment.Properties);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, Entity entity)
    {
        writer.WriteStartObject();
        StringMember(writer, Names.Type, entity.Type);
        Extensions(writer, entity.Properties);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, TextHighlight highlight)
    {
        writer.WriteStartObject();
        StringMember(writer, Names.Text, highlight.Text);
        if (highlight.Occurrence is { } occurrence)
        {
            writer.WriteNumber(Names.Occurrence, occurrence);
        }

        writer.WriteEndObject();
    }

    private static void StringMember(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    // A reply's text is mostly an FAQ answer, the same string instance on every turn that gives it,
    // and escaping its ~1 KB (apostrophes and quotes force the slow path) was about half of the
    // writer's time. So long texts keep their encoded form in a small direct-mapped cache keyed by
    // the string instance: a hit copies bytes, a miss encodes and takes the slot. Strings are
    // immutable, so the same instance always has the same encoding; a slot is one immutable
    // entry replaced whole, so readers on other threads see an old entry or a new one, never half.
    private const int CachedTextMinLength = 128;
    private static readonly EncodedText?[] TextCache = new EncodedText?[64];

    private static void LongStringMember(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            return;
        }

        // The cache holds ProtocolJson's encoding; a writer that escapes differently encodes for itself.
        if (value.Length < CachedTextMinLength || writer.Options.Encoder != ProtocolJson.WriterOptions.Encoder)
        {
            writer.WriteString(name, value);
            return;
        }

        var slot = (RuntimeHelpers.GetHashCode(value) & int.MaxValue) % TextCache.Length;
        var entry = TextCache[slot];
        if (entry is null || !ReferenceEquals(entry.Text, value))
        {
            entry = new EncodedText(value, JsonEncodedText.Encode(value, ProtocolJson.WriterOptions.Encoder));
            TextCache[slot] = entry;
        }

        writer.WriteString(name, entry.Encoded);
    }

    private sealed record EncodedText(string Text, JsonEncodedText Encoded);

    private static void TimeMember(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time);
        }
    }

    private static void NodeMember(Utf8JsonWriter writer, JsonEncodedText name, JsonNode? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer, ProtocolJson.Options);
        }
    }

    private static void ObjectMember<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            write(writer, value);
        }
    }

    private static void ListMember<T>(Utf8JsonWriter writer, JsonEncodedText name, List<T>? values, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            // The serializer leaves out null members, not null items of a list: those stay as null.
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                write(writer, value);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteString(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    // Unknown members go back out under their own names, after the known ones, as received.
    private static void Extensions(Utf8JsonWriter writer, Dictionary<string, JsonElement>? properties)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var (key, value) in properties)
        {
            writer.WritePropertyName(key);
            value.WriteTo(writer);
        }
    }

    /// <summary>Member names as the spec writes them (camelCase), encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Activities = JsonEncodedText.Encode("activities");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
        public static readonly JsonEncodedText LocalTimestamp = JsonEncodedText.Encode("localTimestamp");
        public static readonly JsonEncodedText LocalTimezone = JsonEncodedText.Encode("localTimezone");
        public static readonly JsonEncodedText ServiceUrl = JsonEncodedText.Encode("serviceUrl");
        public static readonly JsonEncodedText ChannelId = JsonEncodedText.Encode("channelId");
        public static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
        public static readonly JsonEncodedText Conversation = JsonEncodedText.Encode("conversation");
        public static readonly JsonEncodedText Recipient = JsonEncodedText.Encode("recipient");
        public static readonly JsonEncodedText TextFormat = JsonEncodedText.Encode("textFormat");
        public static readonly JsonEncodedText AttachmentLayout = JsonEncodedText.Encode("attachmentLayout");
        public static readonly JsonEncodedText MembersAdded = JsonEncodedText.Encode("membersAdded");
        public static readonly JsonEncodedText MembersRemoved = JsonEncodedText.Encode("membersRemoved");
        public static readonly JsonEncodedText ReactionsAdded = JsonEncodedText.Encode("reactionsAdded");
        public static readonly JsonEncodedText ReactionsRemoved = JsonEncodedText.Encode("reactionsRemoved");
        public static readonly JsonEncodedText TopicName = JsonEncodedText.Encode("topicName");
        public static readonly JsonEncodedText Locale = JsonEncodedText.Encode("locale");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Speak = JsonEncodedText.Encode("speak");
        public static readonly JsonEncodedText InputHint = JsonEncodedText.Encode("inputHint");
        public static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
        public static readonly JsonEncodedText SuggestedActions = JsonEncodedText.Encode("suggestedActions");
        public static readonly JsonEncodedText Attachments = JsonEncodedText.Encode("attachments");
        public static readonly JsonEncodedText Entities = JsonEncodedText.Encode("entities");
        public static readonly JsonEncodedText ChannelData = JsonEncodedText.Encode("channelData");
        public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
        public static readonly JsonEncodedText ReplyToId = JsonEncodedText.Encode("replyToId");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText ValueType = JsonEncodedText.Encode("valueType");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText RelatesTo = JsonEncodedText.Encode("relatesTo");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Expiration = JsonEncodedText.Encode("expiration");
        public static readonly JsonEncodedText Importance = JsonEncodedText.Encode("importance");
        public static readonly JsonEncodedText DeliveryMode = JsonEncodedText.Encode("deliveryMode");
        public static readonly JsonEncodedText ListenFor = JsonEncodedText.Encode("listenFor");
        public static readonly JsonEncodedText TextHighlights = JsonEncodedText.Encode("textHighlights");
        public static readonly JsonEncodedText AadObjectId = JsonEncodedText.Encode("aadObjectId");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        public static readonly JsonEncodedText IsGroup = JsonEncodedText.Encode("isGroup");
        public static readonly JsonEncodedText ConversationType = JsonEncodedText.Encode("conversationType");
        public static readonly JsonEncodedText TenantId = JsonEncodedText.Encode("tenantId");
        public static readonly JsonEncodedText ActivityId = JsonEncodedText.Encode("activityId");
        public static readonly JsonEncodedText User = JsonEncodedText.Encode("user");
        public static readonly JsonEncodedText Bot = JsonEncodedText.Encode("bot");
        public static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
        public static readonly JsonEncodedText Actions = JsonEncodedText.Encode("actions");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Image = JsonEncodedText.Encode("image");
        public static readonly JsonEncodedText DisplayText = JsonEncodedText.Encode("displayText");
        public static readonly JsonEncodedText ContentType = JsonEncodedText.Encode("contentType");
        public static readonly JsonEncodedText ContentUrl = JsonEncodedText.Encode("contentUrl");
        public static readonly JsonEncodedText Content = JsonEncodedText.Encode("content");
        public static readonly JsonEncodedText ThumbnailUrl = JsonEncodedText.Encode("thumbnailUrl");
        public static readonly JsonEncodedText Occurrence = JsonEncodedText.Encode("occurrence");
    }
}
