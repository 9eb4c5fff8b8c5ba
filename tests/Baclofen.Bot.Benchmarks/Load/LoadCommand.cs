using System.Globalization;
using System.Net;

namespace Baclofen.Bot.Benchmarks.Load;

/// <summary>
/// The HTTP load benchmark: times start-up to first answer, then drives the bot (/api/messages
/// with expectReplies, and the Direct Line endpoint) and a bare ceiling endpoint in interleaved
/// slices on 127.0.0.1, and prints throughput, latency percentiles, errors and the bot's memory.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var hostDll = options.Bot ?? RepositoryPaths.HostDll(options.Configuration);
        // One address starts every conversation here: the per-address conversation limits would refuse them.
        string[] botArgs = ["--RateLimiting:Enabled=false", "--Widget:MaxConversationsPerClient=0", "--Widget:ConversationStartsPerMinute=0", .. options.BotArgs];
        Console.WriteLine($"Bot: {hostDll}");
        Console.WriteLine($"Load on 127.0.0.1: {options.Connections} connections, {options.DurationSeconds} s measured in {options.SliceSeconds} s slices, targets {string.Join(", ", options.Targets)}; {Environment.ProcessorCount} cores shared with the load generator.");

        var startups = new List<double>();
        var startupCpu = new List<double>();
        for (var i = 0; i < options.Startups; i++)
        {
            var (wall, cpu) = await StartupProbe.MeasureAsync(hostDll, botArgs, options.Environment);
            startups.Add(wall.TotalMilliseconds);
            startupCpu.Add(cpu.TotalMilliseconds);
        }

        if (startups.Count > 0)
        {
            Console.WriteLine($"Start-up to first answer: {string.Join(", ", startups.Select(Ms))} ms (median {Ms(startups.Order().ElementAt(startups.Count / 2))} ms)");
            Console.WriteLine($"Bot CPU time by then: {string.Join(", ", startupCpu.Select(Ms))} ms (median {Ms(startupCpu.Order().ElementAt(startupCpu.Count / 2))} ms)");
        }

        await using var bot = ServerProcess.Start(hostDll, botArgs, new Dictionary<string, string>(options.Environment));
        var ceilingEnvironment = GcLike(hostDll);
        foreach (var (key, value) in options.Environment)
        {
            ceilingEnvironment[key] = value;
        }

        await using var ceiling = ServerProcess.Start(typeof(LoadCommand).Assembly.Location, ["ceiling"], ceilingEnvironment);
        using var botHttp = Client(bot.Address, options.Connections);
        using var ceilingHttp = Client(ceiling.Address, options.Connections);
        await bot.WaitHealthyAsync(botHttp, TimeSpan.FromSeconds(60));
        await ceiling.WaitHealthyAsync(ceilingHttp, TimeSpan.FromSeconds(60));
        var idleRss = bot.RssBytes;

        var drivers = new List<ITurnDriver>();
        foreach (var target in options.Targets)
        {
            switch (target)
            {
                case "ceiling":
                    drivers.Add(new ExpectRepliesDriver("ceiling", ceilingHttp, options.TurnsPerConversation));
                    break;
                case "api":
                    drivers.Add(new ExpectRepliesDriver("api", botHttp, options.TurnsPerConversation));
                    break;
                case "directline" when await HasDirectLineAsync(botHttp):
                    drivers.Add(new DirectLineDriver(botHttp, options.TurnsPerConversation));
                    break;
                case "directline":
                    Console.WriteLine("This host has no Direct Line endpoint (/api/widget/token is 404): skipping the directline target.");
                    break;
                default:
                    Console.Error.WriteLine($"Unknown target {target} (ceiling, api, directline).");
                    return 2;
            }
        }

        var workers = drivers.ToDictionary(d => d.Name, d => (IReadOnlyList<Worker>)[.. Enumerable.Range(0, options.Connections).Select(i => new Worker(i, seed: 1000 + i))]);
        foreach (var driver in drivers)
        {
            await SliceRunner.RunAsync(driver, workers[driver.Name], TimeSpan.FromSeconds(options.WarmupSeconds));
        }

        var results = drivers.ToDictionary(d => d.Name, _ => new Latencies());
        var loadStart = bot.SinceStart;
        var remaining = TimeSpan.FromSeconds(options.DurationSeconds);
        var slice = TimeSpan.FromSeconds(options.SliceSeconds);
        while (remaining > TimeSpan.Zero)
        {
            foreach (var driver in drivers)
            {
                var length = remaining < slice ? remaining : slice;
                if (length <= TimeSpan.Zero)
                {
                    break;
                }

                var (micros, errors, elapsed) = await SliceRunner.RunAsync(driver, workers[driver.Name], length);
                results[driver.Name].Add(micros, errors, elapsed);
                remaining -= length;
                Console.WriteLine($"  {bot.SinceStart - loadStart:mm\\:ss} {driver.Name,-10} {micros.Count / elapsed.TotalSeconds,8:F0} turns/s  errors {errors}  bot RSS {Mb(bot.RssBytes)} MB");
            }
        }

        Print(options, results, bot, ceiling, idleRss, loadStart);
        return results.Values.Any(r => r.Errors > 0) ? 1 : 0;
    }

    private static void Print(LoadOptions options, Dictionary<string, Latencies> results, ServerProcess bot, ServerProcess ceiling, long idleRss, TimeSpan loadStart)
    {
        Console.WriteLine();
        Console.WriteLine($"| target | turns | turns/s | p50 ms | p99 ms | p99.9 ms | errors | vs ceiling |");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|---:|");
        results.TryGetValue("ceiling", out var top);
        foreach (var (name, r) in results)
        {
            var fraction = top is null || top.RequestsPerSecond == 0 ? "" : (r.RequestsPerSecond / top.RequestsPerSecond).ToString("P0", CultureInfo.InvariantCulture);
            Console.WriteLine($"| {name} | {r.Count} | {r.RequestsPerSecond:F0} | {r.PercentileMs(0.50):F2} | {r.PercentileMs(0.99):F2} | {r.PercentileMs(0.999):F2} | {r.Errors} | {fraction} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Bot memory (resident set, its own process): idle {Mb(idleRss)} MB, peak {Mb(bot.PeakRssBytes)} MB, now {Mb(bot.RssBytes)} MB; the ceiling app peaked at {Mb(ceiling.PeakRssBytes)} MB.");
        var trend = bot.Samples.Where(s => s.At >= loadStart)
            .GroupBy(s => (int)((s.At - loadStart).TotalSeconds / Math.Max(10, options.DurationSeconds / 10)))
            .Select(g => $"{(g.Key * Math.Max(10, options.DurationSeconds / 10)).ToString(CultureInfo.InvariantCulture)}s:{Mb(g.Max(s => s.RssBytes))}");
        Console.WriteLine("Bot RSS over the run (max per interval, MB): " + string.Join("  ", trend));
        Console.WriteLine("Figures are from a shared 2-core machine with the load generator on it; compare ratios, not absolutes.");
    }

    private static async Task<bool> HasDirectLineAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/api/widget/token", null);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private static HttpClient Client(Uri address, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(15),
    };

    // The ceiling runs with the same garbage collector as the bot, so the comparison is of the work done, not of GC modes.
    private static Dictionary<string, string> GcLike(string hostDll)
    {
        var config = Path.ChangeExtension(hostDll, ".runtimeconfig.json");
        var server = File.Exists(config) && File.ReadAllText(config).Replace(" ", "", StringComparison.Ordinal).Contains("\"System.GC.Server\":true", StringComparison.Ordinal);
        return new Dictionary<string, string> { ["DOTNET_gcServer"] = server ? "1" : "0" };
    }

    private static string Ms(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture);
}
