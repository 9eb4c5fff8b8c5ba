using System.Security.Cryptography;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Server-made identifiers. User ids start with <c>dl_</c>: Web Chat and Direct Line treat that
/// prefix as "embedded in a token by the server", so a browser cannot pick someone else's.
/// </summary>
public static class DirectLineIds
{
    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Direct Line's activity id: the conversation id and a zero-padded sequence number.</summary>
    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:0000000}";
}
