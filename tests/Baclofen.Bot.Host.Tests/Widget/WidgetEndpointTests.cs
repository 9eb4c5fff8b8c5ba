using System.Net;
using System.Text;
using System.Text.Json;
using Baclofen.Bot.Host.Tests.DirectLine;

namespace Baclofen.Bot.Host.Tests.Widget;

/// <summary>The token endpoint, CORS, the served files and their security headers.</summary>
public sealed class WidgetEndpointTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(new Dictionary<string, string?>
    {
        ["Widget:AllowedOrigins:0"] = "https://www.riverside-clinic.example",
        ["Widget:FrameAncestors:0"] = "https://portal.riverside-clinic.example",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Token_is_a_jwt_carrying_a_server_made_dl_user_and_one_conversation()
    {
        var token = await _app.NewTokenAsync();
        Assert.Null(token.Domain);
        Assert.Equal(1800, token.ExpiresIn);
        var parts = token.Token.Split('.');
        Assert.Equal(3, parts.Length);
        using var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        // Web Chat takes the user id from this claim.
        Assert.Equal(token.UserId, payload.RootElement.GetProperty("user").GetString());
        Assert.Matches("^dl_[0-9a-f]{24}$", token.UserId);
        Assert.Equal(token.ConversationId, payload.RootElement.GetProperty("conv").GetString());

        var second = await _app.NewTokenAsync();
        Assert.NotEqual(token.UserId, second.UserId);
        Assert.NotEqual(token.ConversationId, second.ConversationId);
    }

    [Fact]
    public async Task Token_endpoint_refuses_sites_that_may_not_embed_the_widget()
    {
        using var evil = Request(HttpMethod.Post, "/api/widget/token", "https://evil.example");
        using var refused = await _app.Http.SendAsync(evil);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        using var clinic = Request(HttpMethod.Post, "/api/widget/token", "https://www.riverside-clinic.example");
        using var allowed = await _app.Http.SendAsync(clinic);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("https://www.riverside-clinic.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var own = Request(HttpMethod.Post, "/api/widget/token", _app.BaseAddress);
        using var same = await _app.Http.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Fact]
    public async Task Preflight_allows_the_headers_directlinejs_sends_only_for_allowed_origins()
    {
        var token = await _app.StartConversationAsync();
        using var preflight = Request(HttpMethod.Options, $"/v3/directline/conversations/{token.ConversationId}/activities", "https://www.riverside-clinic.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        using var ok = await _app.Http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal("https://www.riverside-clinic.example", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowedHeaders = ok.Headers.GetValues("Access-Control-Allow-Headers").Single();
        Assert.Contains("authorization", allowedHeaders);
        Assert.Contains("x-ms-bot-agent", allowedHeaders);

        using var evil = Request(HttpMethod.Options, $"/v3/directline/conversations/{token.ConversationId}/activities", "https://evil.example");
        evil.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await _app.Http.SendAsync(evil);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        using var poll = Request(HttpMethod.Get, $"/v3/directline/conversations/{token.ConversationId}/activities", "https://www.riverside-clinic.example");
        poll.Headers.Authorization = new("Bearer", token.Token);
        using var polled = await _app.Http.SendAsync(poll);
        Assert.Equal("https://www.riverside-clinic.example", polled.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Demo_page_has_a_strict_content_security_policy()
    {
        using var page = await _app.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var csp = Directives(page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.Equal("'self' 'unsafe-inline'", csp["style-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self' https://portal.riverside-clinic.example", csp["frame-ancestors"]);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/widget.js\" async", html);
        // No inline script anywhere: every <script> has a src.
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
        Assert.DoesNotMatch("(?i)<[^>]+\\son[a-z]+\\s*=", html);
    }

    [Fact]
    public async Task Widget_script_and_the_web_chat_bundle_are_served_from_this_host()
    {
        using var widget = await _app.Http.GetAsync("/widget.js");
        Assert.Equal(HttpStatusCode.OK, widget.StatusCode);
        Assert.Equal("text/javascript", widget.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", widget.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("cross-origin", widget.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        var script = await widget.Content.ReadAsStringAsync();
        Assert.Contains("/webchat/webchat.js", script);
        Assert.Contains("webSocket: false", script);
        Assert.DoesNotContain("innerHTML", script);

        using var bundle = await _app.Http.GetAsync("/webchat/webchat.js?v=4.18.1");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        var bytes = await bundle.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 1_000_000, "the copied Web Chat UMD bundle");
        Assert.Contains("renderWebChat", Encoding.UTF8.GetString(bytes));

        foreach (var path in new[] { "/widget.css", "/clinic.css", "/favicon.svg" })
        {
            using var asset = await _app.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }

        using var traversal = await _app.Http.GetAsync("/webchat/../appsettings.json");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Fact]
    public async Task Api_responses_are_not_cached_or_sniffed()
    {
        using var response = await _app.Http.PostAsync("/api/widget/token", null);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Tokens_and_message_text_never_reach_the_logs()
    {
        var token = await _app.StartConversationAsync();
        await _app.PostMessageAsync(token, "my private question about my dose", "c1");
        var (_, _) = await _app.PollAsync(token, "");
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(token.Token, StringComparison.Ordinal) || l.Contains("private question", StringComparison.Ordinal));
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string origin)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static Dictionary<string, string> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}

/// <summary>Start-up behaviour of the token signing key.</summary>
public sealed class TokenSigningKeyTests
{
    [Fact]
    public async Task Without_a_configured_key_a_random_one_is_used_and_start_up_warns()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:TokenSigningKey"] = "" });
        var token = await app.StartConversationAsync();
        Assert.NotNull(token.Token);
        await Eventually(() => app.Logs.Lines.Any(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Widget:TokenSigningKey is not configured", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_configured_key_gives_no_warning_and_tokens_survive_a_restart()
    {
        var settings = new Dictionary<string, string?> { ["Widget:TokenSigningKey"] = "shared-key-for-two-instances-0123456789" };
        string token;
        await using (var first = await TestApp.StartAsync(settings))
        {
            token = (await first.NewTokenAsync()).Token;
            Assert.DoesNotContain(first.Logs.Lines, l => l.Contains("TokenSigningKey", StringComparison.Ordinal));
        }

        await using var second = await TestApp.StartAsync(settings);
        using var start = await second.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
    }

    [Fact]
    public async Task A_key_shorter_than_32_bytes_stops_start_up()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:TokenSigningKey"] = "too-short" }));
        Assert.Contains("at least 32 bytes", failure.Message);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
