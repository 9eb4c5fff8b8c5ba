using System.Net;
using Baclofen.Bot.Protocol.Authentication;
using Microsoft.AspNetCore.Http;

namespace Baclofen.Bot.Protocol.Tests;

/// <summary>What the anonymous mode counts as this machine.</summary>
public sealed class LocalAddressesTests
{
    private static DefaultHttpContext Request(string? remote)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
        return http;
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.45.6.7")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData(null)] // in-process or a Unix socket
    public void Loopback_clients_are_local(string? remote)
    {
        Assert.True(LocalAddresses.IsLocalClient(Request(remote)));
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("203.0.113.9")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("fe80::1")]
    [InlineData("0.0.0.0")]
    public void Other_clients_are_not(string remote)
    {
        Assert.False(LocalAddresses.IsLocalClient(Request(remote)));
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    public void A_loopback_connection_relaying_someone_else_is_not_local(string header, string value)
    {
        var http = Request("127.0.0.1");
        http.Request.Headers[header] = value;

        Assert.False(LocalAddresses.IsLocalClient(http));
    }

    [Theory]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("https://LOCALHOST/")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("http://127.8.9.10/")]
    [InlineData("http://[::1]:3978/")]
    public void Loopback_service_urls_are_local(string url)
    {
        Assert.True(LocalAddresses.IsLocalServiceUrl(url));
        Assert.False(LocalAddresses.IsRemoteServiceUrl(url));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://localhost.attacker.example/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("http://0.0.0.0:3978/")]
    public void Other_service_urls_are_remote(string url)
    {
        Assert.False(LocalAddresses.IsLocalServiceUrl(url));
        Assert.True(LocalAddresses.IsRemoteServiceUrl(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative")]
    [InlineData("ftp://127.0.0.1/")]
    public void What_is_no_http_url_is_neither(string? url)
    {
        Assert.False(LocalAddresses.IsLocalServiceUrl(url));
        Assert.False(LocalAddresses.IsRemoteServiceUrl(url));
    }
}
