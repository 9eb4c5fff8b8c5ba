using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>Direct Line 3.0's Conversation object (start, reconnect, refresh). No streamUrl: this server only polls.</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public sealed record ResourceIdResponse([property: JsonPropertyName("id")] string Id);

/// <summary>Direct Line 3.0's ActivitySet, written from the stored snapshots without re-serialising them.</summary>
public static class ActivitySetWriter
{
    public static byte[] Write(IReadOnlyList<byte[]> activities, long watermark)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var activity in activities)
            {
                // Written by this server from an Activity, so valid JSON; copied, not re-parsed.
                writer.WriteRawValue(activity, skipInputValidation: true);
            }

            writer.WriteEndArray();
            // A string, as Direct Line sends it; clients echo it back verbatim.
            writer.WriteString("watermark", watermark.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
