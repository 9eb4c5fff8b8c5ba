using System.Net;
using System.Net.Sockets;
using Baclofen.Bot.Host.DirectLine;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>
/// A flood of new conversations from one address, over real HTTP: the attacker's requests come
/// from 127.0.0.2 and the patient's from 127.0.0.1 (both loopback), so the server sees two clients.
/// </summary>
public sealed class ConversationFloodTests
{
    /// <summary>An HttpClient whose connections leave from <paramref name="source"/>, a loopback address.</summary>
    private static HttpClient ClientFrom(TestApp app, IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = new Uri(app.BaseAddress) };

    private static async Task<(HttpStatusCode Status, string? RetryAfter)> TryStartAsync(HttpClient http)
    {
        using var tokenResponse = await http.PostAsync("/api/widget/token", null);
        if (!tokenResponse.IsSuccessStatusCode)
        {
            return (tokenResponse.StatusCode, tokenResponse.Headers.RetryAfter?.ToString());
        }

        var token = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<TestApp.WidgetTokenResponse>(tokenResponse.Content))!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Token);
        using var start = await http.SendAsync(request);
        return (start.StatusCode, start.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task Past_its_starts_a_minute_one_address_gets_429_with_Retry_After_and_a_patient_elsewhere_is_untouched()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Widget:ConversationStartsPerMinute"] = "5" });
        var patient = await app.StartConversationAsync();
        var asked = await app.PostMessageAsync(patient, "does baclofen work immediately?", "p1");
        using var attacker = ClientFrom(app, IPAddress.Parse("127.0.0.2"));

        var outcomes = new List<(HttpStatusCode Status, string? RetryAfter)>();
        for (var i = 0; i < 30; i++)
        {
            outcomes.Add(await TryStartAsync(attacker));
        }

        Assert.Equal(5, outcomes.Count(o => o.Status == HttpStatusCode.Created));
        Assert.Equal(25, outcomes.Count(o => o.Status == HttpStatusCode.TooManyRequests));
        Assert.All(outcomes.Where(o => o.Status == HttpStatusCode.TooManyRequests), o => Assert.InRange(int.Parse(o.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture), 1, 60));
        Assert.Equal(5, app.Services.GetService(typeof(ConversationStore)) is ConversationStore store ? store.CountFor("127.0.0.2") : -1);

        // The patient, on another address, starts again (a new tab) and keeps the first transcript.
        await app.StartConversationAsync();
        var (transcript, _) = await app.PollAsync(patient, null);
        Assert.Contains(transcript, a => a.GetProperty("id").GetString() == asked);
        Assert.Contains(transcript, a => a.GetProperty("type").GetString() == "message" && a.TryGetProperty("replyToId", out var r) && r.GetString() == asked);
    }

    [Fact]
    public async Task Past_its_share_of_live_conversations_one_address_gets_429()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Widget:MaxConversationsPerClient"] = "3",
            ["Widget:ConversationStartsPerMinute"] = "0",
        });
        using var attacker = ClientFrom(app, IPAddress.Parse("127.0.0.2"));

        var outcomes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            outcomes.Add((await TryStartAsync(attacker)).Status);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], outcomes);
        await app.StartConversationAsync();
    }

    [Fact]
    public async Task With_the_per_address_limits_off_a_flood_still_forgets_its_own_conversations_not_a_patient_idle_for_seconds()
    {
        // The finding: limits off, 1 MB of store, a patient idle for 3 s was gone (404).
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Widget:MaxStoredMegabytes"] = "1",
            ["Widget:MaxConversationsPerClient"] = "0",
            ["Widget:ConversationStartsPerMinute"] = "0",
        });
        var patient = await app.StartConversationAsync();
        await app.PostMessageAsync(patient, "does baclofen work immediately?", "p1");
        var (before, _) = await app.PollAsync(patient, null);
        await Task.Delay(TimeSpan.FromSeconds(3));

        using var attacker = ClientFrom(app, IPAddress.Parse("127.0.0.2"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 700; i++)
        {
            statuses.Add((await TryStartAsync(attacker)).Status);
        }

        var store = (ConversationStore)app.Services.GetService(typeof(ConversationStore))!;
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.True(store.CountFor("127.0.0.2") < 700, "the flood outgrew the store and lost its own oldest conversations");
        Assert.InRange(store.StoredBytes, 1, (1024 * 1024) + 8_000);
        var (after, _) = await app.PollAsync(patient, null);
        Assert.Equal(before.Select(a => a.GetProperty("id").GetString()), after.Select(a => a.GetProperty("id").GetString()));
    }
}
