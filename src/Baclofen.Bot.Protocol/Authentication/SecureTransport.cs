namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// Keys, tokens and secrets only travel over https; plain http is allowed for loopback hosts so a local
/// Emulator or an in-test identity provider works without a certificate.
/// </summary>
public static class SecureTransport
{
    public static bool IsAllowed(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
