using System.Net;
using Microsoft.AspNetCore.Http;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// What counts as "this machine" for the anonymous mode: loopback clients (127.0.0.0/8, ::1) and
/// loopback serviceUrls (localhost, 127.x, [::1]), the Emulator and Agents Playground case.
/// </summary>
public static class LocalAddresses
{
    /// <summary>
    /// Whether the client is on this machine. The address is the connection's, or the forwarded one
    /// when forwarded headers are enabled (ASPNETCORE_FORWARDEDHEADERS_ENABLED). A request that still
    /// carries a forwarding header came through a proxy whose forwarding was not processed, so its real
    /// client is unknown: a reverse proxy on this machine would otherwise make everyone look local.
    /// No address at all is an in-process or Unix-socket connection, which is local.
    /// </summary>
    public static bool IsLocalClient(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Request.Headers;
        if (headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded"))
        {
            return false;
        }

        return http.Connection.RemoteIpAddress is not { } address || IsLoopback(address);
    }

    public static bool IsLoopback(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>An absolute http(s) URL whose host is localhost or a loopback address.</summary>
    public static bool IsLocalServiceUrl(string? serviceUrl) =>
        TryHttpUrl(serviceUrl, out var uri) && IsLocalHost(uri);

    /// <summary>An absolute http(s) URL whose host is anything but localhost or a loopback address.</summary>
    public static bool IsRemoteServiceUrl(string? serviceUrl) =>
        TryHttpUrl(serviceUrl, out var uri) && !IsLocalHost(uri);

    private static bool TryHttpUrl(string? value, out Uri uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsLocalHost(Uri uri) =>
        string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost, out var address) && IsLoopback(address));
}
