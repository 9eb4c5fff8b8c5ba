using Baclofen.Bot.Protocol.Authentication;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

public sealed class TrustedServiceUrlsTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Nothing_is_trusted_until_an_authenticated_activity_brings_it()
    {
        var trusted = new TrustedServiceUrls(_time);

        Assert.False(trusted.IsTrusted("https://smba.trafficmanager.net/amer/"));
        Assert.True(trusted.Trust("https://smba.trafficmanager.net/amer/"));
        Assert.True(trusted.IsTrusted("https://SMBA.trafficmanager.net/amer"));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/abc/activities/123", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://smba.trafficmanager.net/americas/v3/conversations", false)]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations", false)]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/v3/conversations", false)]
    [InlineData("http://smba.trafficmanager.net/amer/v3/conversations", false)]
    [InlineData("https://smba.trafficmanager.net:8443/amer/v3/conversations", false)]
    [InlineData("https://user@smba.trafficmanager.net/amer/v3/conversations", false)]
    public void A_request_is_trusted_only_under_a_trusted_service_url(string requestUrl, bool expected)
    {
        var trusted = new TrustedServiceUrls(_time);
        trusted.Trust("https://smba.trafficmanager.net/amer/");

        Assert.Equal(expected, trusted.IsTrusted(new Uri(requestUrl)));
    }

    [Theory]
    [InlineData("http://attacker.example/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("not a url")]
    [InlineData("https://smba.trafficmanager.net/amer/?x=1")]
    [InlineData(null)]
    public void Urls_that_could_leak_a_token_are_never_recorded(string? serviceUrl)
    {
        var trusted = new TrustedServiceUrls(_time);

        Assert.False(trusted.Trust(serviceUrl));
        Assert.Equal(0, trusted.Count);
    }

    [Fact]
    public void Loopback_http_is_allowed_for_the_local_emulator()
    {
        var trusted = new TrustedServiceUrls(_time);

        Assert.True(trusted.Trust("http://localhost:50123"));
        Assert.True(trusted.IsTrusted(new Uri("http://localhost:50123/v3/conversations/x/activities")));
    }

    [Fact]
    public void Trust_expires_unless_renewed_by_another_authenticated_activity()
    {
        var trusted = new TrustedServiceUrls(_time, lifetime: TimeSpan.FromHours(1));
        trusted.Trust("https://a.example/");
        trusted.Trust("https://b.example/");

        _time.Advance(TimeSpan.FromMinutes(40));
        trusted.Trust("https://b.example/");
        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.False(trusted.IsTrusted("https://a.example/"));
        Assert.True(trusted.IsTrusted("https://b.example/"));
    }

    [Fact]
    public void The_set_is_bounded_and_forgets_the_least_recently_seen_first()
    {
        var trusted = new TrustedServiceUrls(_time, capacity: 3);
        foreach (var host in new[] { "a", "b", "c", "d" })
        {
            trusted.Trust($"https://{host}.example/");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, trusted.Count);
        Assert.False(trusted.IsTrusted("https://a.example/"));
        Assert.True(trusted.IsTrusted("https://d.example/"));
    }
}
