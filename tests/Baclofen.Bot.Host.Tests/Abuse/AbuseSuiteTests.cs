using System.Globalization;
using System.Net;
using Baclofen.Bot.Host.Tests.Support;
using Xunit.Abstractions;

namespace Baclofen.Bot.Host.Tests.Abuse;

/// <summary>
/// Issue 21's hostile traffic against the real host process on 127.0.0.1, bounded in count (and cut
/// off after <see cref="Bound"/>), while a patient sends an emergency message every 200 ms. Required:
/// no 500, every emergency message answered with the fixed text, the process alive with /healthz
/// answering within 1 s, the resident set bounded. The figures (responses by status, the victim's
/// latencies, peak RSS) are printed, not asserted beyond the generous memory bound.
/// </summary>
/// <remarks>
/// Attackers and patients are told apart the way a deployment behind a proxy tells them apart: the bot
/// runs with forwarded headers on and every request names its client in X-Forwarded-For. The attacker's
/// addresses are loopback ones (127.0.1.x ...) so the anonymous bot's local-only check lets them reach
/// the parser; the patients use 127.0.0.2-5. Rate limiting stays on as shipped: refusing part of the
/// attack with 429 is what it is for, and it must never refuse the patients.
/// </remarks>
public sealed class AbuseSuiteTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan MinimumAttack = TimeSpan.FromSeconds(8);
    private const int MaxRounds = 10;
    private const long MaxPeakRssBytes = 1024L * 1024 * 1024;

    private static readonly Dictionary<string, string> Forwarded = new() { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true" };

    [Fact]
    public async Task The_anonymous_bot_survives_floods_and_answers_every_emergency()
    {
        await using var bot = await BotProcess.StartAsync([], Forwarded);
        var idle = bot.RssBytes;
        var tally = new Tally();
        var victim = new Victim(bot.Address, () => null, "http://localhost:9/");

        await UnderAttackAsync(bot, victim, tally, attacker => Task.WhenAll(
            attacker.AttachmentFloodAsync("230 KB attachment floods", workers: 8, perWorker: 20, from: i => $"127.0.1.{(i % 16) + 1}"),
            attacker.TranscriptFloodAsync("Direct Line transcript", posts: 100, readers: 8, readsEach: 25, from: "127.0.3.1"),
            attacker.ConversationFloodAsync("new Direct Line conversations", count: 300, workers: 4, from: i => $"127.0.4.{(i % 32) + 1}")));

        Report("anonymous bot", bot, idle, tally, victim);
        await AssertSurvivedAsync(bot, tally, victim);
    }

    [Fact]
    public async Task The_bot_with_an_app_id_refuses_forged_tokens_before_parsing_and_answers_every_emergency()
    {
        await using var identity = await BotConnectorIdentity.StartAsync();
        await using var bot = await BotProcess.StartAsync(identity.BotArgs(), Forwarded);
        var idle = bot.RssBytes;
        var tally = new Tally();
        const string serviceUrl = "http://127.0.0.1:9/";
        var token = identity.BotConnectorToken(new Uri(serviceUrl));
        var victim = new Victim(bot.Address, () => token, serviceUrl);

        await UnderAttackAsync(bot, victim, tally, attacker => Task.WhenAll(
            attacker.AttachmentFloodAsync("230 KB floods with Bearer x", workers: 8, perWorker: 20, from: i => $"127.0.1.{(i % 16) + 1}", bearer: "x"),
            attacker.ForgedTokenFloodAsync("300 x Bearer x from one address", count: 300, workers: 4, from: "127.0.5.1")));

        Report("bot with an app id", bot, idle, tally, victim);
        await AssertSurvivedAsync(bot, tally, victim);
        // A forged token buys no bigger bucket: its 401s run into the client's own limit.
        Assert.True(tally.Count("300 x Bearer x from one address", "429") > 0, tally.ToString());
    }

    /// <summary>Runs the attack, again while it took less than <see cref="MinimumAttack"/> (at most
    /// <see cref="MaxRounds"/> times), beside the patient.</summary>
    private static async Task UnderAttackAsync(BotProcess bot, Victim victim, Tally tally, Func<Attacker, Task> attacks)
    {
        using var bound = new CancellationTokenSource(Bound);
        using var attacker = new Attacker(bot.Address, tally, bound.Token);
        using var victimStop = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
        var patient = victim.RunAsync(victimStop.Token);

        // The patient is already talking when the attack starts, and still talking for a moment after.
        await Task.Delay(Victim.Every * 3);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var round = 0; round < MaxRounds && (round == 0 || clock.Elapsed < MinimumAttack) && !bound.IsCancellationRequested; round++)
        {
            await attacks(attacker);
        }

        await Task.Delay(Victim.Every * 3);
        await victimStop.CancelAsync();
        await patient;
    }

    private static async Task AssertSurvivedAsync(BotProcess bot, Tally tally, Victim victim)
    {
        Assert.False(bot.HasExited, bot.Output);
        using (var http = new HttpClient { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(1) })
        {
            using var health = await http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        Assert.Equal(0, tally.Count("500"));
        Assert.DoesNotContain("OutOfMemory", bot.Output, StringComparison.Ordinal);
        Assert.True(victim.Results.Count >= 10, victim.Summary());
        Assert.Empty(victim.Failures);
        Assert.InRange(bot.PeakRssBytes, 1, MaxPeakRssBytes);
    }

    private void Report(string name, BotProcess bot, long idle, Tally tally, Victim victim)
    {
        static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture) + " MB";
        var report = $"[abuse] {name}: RSS idle {Mb(idle)}, peak {Mb(bot.PeakRssBytes)}, now {Mb(bot.RssBytes)}\n"
            + $"[abuse] victim: {victim.Summary()}\n"
            + $"[abuse] failures: {string.Join("; ", victim.Failures.Distinct())}\n"
            + $"[abuse] responses by status:\n{tally}";
        output.WriteLine(report);
        Console.WriteLine(report);
    }
}
