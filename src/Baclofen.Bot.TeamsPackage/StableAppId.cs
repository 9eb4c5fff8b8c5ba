using System.Security.Cryptography;
using System.Text;

namespace Baclofen.Bot.TeamsPackage;

/// <summary>
/// The Teams app id when Teams:AppId is not set: a name-based (version 5) UUID of the bot's
/// MicrosoftAppId. Teams recognises an app by this id, so it must not change between builds
/// (a new id would install a second copy instead of updating the first), and deriving it
/// keeps the app id distinct from the bot registration's id while needing no extra setting.
/// </summary>
public static class StableAppId
{
    // Our own namespace for RFC 9562 name-based UUIDs; never change it, or every app id changes.
    private static readonly Guid Namespace = new("6f3b3c2e-7f0e-4a57-9a55-0b1f5a1c0d11");

    public static Guid For(Guid botId) => NameBased(Namespace, "baclofen-faq-bot/teams-app/" + botId.ToString("D"));

    public static Guid NameBased(Guid @namespace, string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        @namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));

#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; it names, it does not protect.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
