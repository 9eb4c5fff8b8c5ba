using System.Net;
using System.Net.Sockets;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// The client a per-address limit counts against: the connection's remote address, which is the
/// X-Forwarded-For client when ASPNETCORE_FORWARDEDHEADERS_ENABLED is set behind a proxy (otherwise
/// every client shares the proxy's address). An IPv6 client counts as its /64, the block one home
/// or one device is usually given, so stepping through addresses in it gains nothing.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Connection.RemoteIpAddress);
    }

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
