using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// The host is built on the slim ASP.NET Core builder; these are the deployment settings a clinic
/// may rely on that the full builder used to provide: TLS at the bot, AllowedHosts, and the client
/// address behind a reverse proxy (the rate limits are per client).
/// </summary>
public sealed class DeploymentHostingTests
{
    [Fact]
    public async Task Https_endpoint_with_a_configured_certificate_serves_turns()
    {
        var folder = Directory.CreateTempSubdirectory("bot-tls-");
        try
        {
            using var certificate = SelfSigned();
            var path = Path.Combine(folder.FullName, "bot.pfx");
            const string password = "test-only-password";
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, password));

            await using var bot = await RunningBot.StartAsync(
                ["--urls", "https://127.0.0.1:0", "--Kestrel:Certificates:Default:Path=" + path, "--Kestrel:Certificates:Default:Password=" + password]);
            Assert.Equal(Uri.UriSchemeHttps, bot.BaseAddress.Scheme);

            // Trust exactly this certificate, nothing else.
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            };
            using var https = new HttpClient(handler) { BaseAddress = bot.BaseAddress };
            using var response = await https.PostAsync("/api/messages", JsonContent.Create(Fixtures.ExpectRepliesQuestion()));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var replies = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
            Assert.NotEmpty(replies);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AllowedHosts_refuses_other_host_names()
    {
        await using var bot = await RunningBot.StartAsync(["--AllowedHosts=bot.clinic.example"]);

        using var wrongHost = await bot.Http.GetAsync("/healthz");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "bot.clinic.example";
        using var rightHost = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, wrongHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightHost.StatusCode);
    }

    [Fact]
    public async Task Behind_a_proxy_with_forwarded_headers_each_client_has_its_own_limit()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true in the environment arrives as this key. The clients are
        // not on this machine, so the anonymous bot must be opened to the network for them.
        await using var bot = await RunningBot.StartAsync(["--FORWARDEDHEADERS_ENABLED=true", "--RateLimiting:PermitsPerMinute=1", "--Bot:AllowAnonymousFromNetwork=true"]);

        using var first = await PostFromAsync(bot, "203.0.113.7");
        using var again = await PostFromAsync(bot, "203.0.113.7");
        using var other = await PostFromAsync(bot, "198.51.100.20");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Without_forwarded_headers_enabled_a_client_cannot_claim_another_address()
    {
        await using var bot = await RunningBot.StartAsync(["--RateLimiting:PermitsPerMinute=1", "--Bot:AllowAnonymousFromNetwork=true"]);

        using var first = await PostFromAsync(bot, "203.0.113.7");
        using var spoofed = await PostFromAsync(bot, "198.51.100.20");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
    }

    [Fact]
    public async Task Behind_a_proxy_the_anonymous_bot_serves_only_clients_on_this_machine()
    {
        await using var forwarded = await RunningBot.StartAsync(["--FORWARDEDHEADERS_ENABLED=true"]);
        await using var notForwarded = await RunningBot.StartAsync();

        using var remote = await PostFromAsync(forwarded, "203.0.113.7");
        using var local = await PostFromAsync(forwarded, "127.0.0.9");
        // A proxy on this machine whose forwarding the bot does not process: its clients are unknown, not local.
        using var relayed = await PostFromAsync(notForwarded, "127.0.0.9");

        Assert.Equal(HttpStatusCode.Unauthorized, remote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, relayed.StatusCode);
        Assert.Contains("set MicrosoftAppId", forwarded.Logs.All);
    }

    private static Task<HttpResponseMessage> PostFromAsync(RunningBot bot, string clientAddress)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(Fixtures.ExpectRepliesQuestion()) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return bot.Http.SendAsync(request);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Through PFX so the private key is usable by Kestrel on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
