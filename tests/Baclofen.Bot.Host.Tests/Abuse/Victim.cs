using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;

namespace Baclofen.Bot.Host.Tests.Abuse;

/// <summary>
/// A patient in an emergency: every 200 ms an emergency message to /api/messages (expectReplies, so
/// the answer comes back in the response), on its own connection. Each message must be answered with
/// the fixed emergency text.
/// </summary>
internal sealed class Victim(Uri bot, Func<string?> bearerToken, string serviceUrl)
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    private static readonly string[] Messages =
    [
        "my son swallowed a whole bottle of baclofen",
        "he stopped breathing",
        "she's seizing and won't wake up",
    ];

    // Patients of one clinic, each on their own address: on loopback every client is 127.0.0.1, so the
    // bot runs with forwarded headers on and each patient says who it is in X-Forwarded-For. They are
    // loopback addresses too, so the anonymous bot's local-only check lets them in.
    private static readonly string[] Addresses = ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"];

    private readonly List<(TimeSpan Latency, string Outcome)> _results = [];

    public IReadOnlyList<(TimeSpan Latency, string Outcome)> Results => _results;

    public IEnumerable<string> Failures => _results.Where(r => r.Outcome != "answered").Select(r => r.Outcome);

    public async Task RunAsync(CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = bot, Timeout = TimeSpan.FromSeconds(15) };
        var clock = Stopwatch.StartNew();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var started = clock.Elapsed;
            var outcome = await SendAsync(http, i);
            _results.Add((clock.Elapsed - started, outcome));

            var next = Every * (i + 1);
            if (next > clock.Elapsed)
            {
                try
                {
                    await Task.Delay(next - clock.Elapsed, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    public string Summary()
    {
        if (_results.Count == 0)
        {
            return "no victim messages";
        }

        var ms = _results.Select(r => r.Latency.TotalMilliseconds).Order().ToArray();
        double At(double q) => ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)];
        return $"{_results.Count} emergency messages, {_results.Count(r => r.Outcome == "answered")} answered with the fixed text; "
            + $"latency p50 {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {ms[^1]:F0} ms";
    }

    private async Task<string> SendAsync(HttpClient http, int i)
    {
        var activity = Fixtures.ExpectRepliesQuestion();
        activity["text"] = Messages[i % Messages.Length];
        activity["serviceUrl"] = serviceUrl;
        activity["channelId"] = "emulator";
        activity["conversation"] = new JsonObject { ["id"] = $"victim-{i % Addresses.Length}" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", Addresses[i % Addresses.Length]);
        if (bearerToken() is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return "status " + (int)response.StatusCode;
            }

            var first = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["activities"]?[0];
            return first?["text"]?.GetValue<string>() == ChannelMessages.EmergencyResponse
                && first["channelData"]?["faqBot"]?["kind"]?.GetValue<string>() == "emergency"
                ? "answered"
                : "wrong reply";
        }
        catch (HttpRequestException e)
        {
            return "connection error: " + e.Message;
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }
}
