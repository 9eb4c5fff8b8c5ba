using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Baclofen.Bot.Host.Tests.Abuse;

/// <summary>
/// The real host as production runs it: its own process (its runtimeconfig.json, Program.cs, no
/// test services), on a free 127.0.0.1 port, so its memory is its own and a crash is visible.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private BotProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote (the last 2,000 lines).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Peak resident set size so far (VmHWM from /proc), in bytes.</summary>
    public long PeakRssBytes => ProcessMemory.PeakResidentBytes(_process.Id);

    public long RssBytes => ProcessMemory.ResidentBytes(_process.Id);

    /// <summary>How the host is started as its own process: the built Host dll, on
    /// <paramref name="urls"/>, without the test runner's GC limits, with plain-text logs.</summary>
    internal static ProcessStartInfo StartInfo(string urls, IEnumerable<string> args)
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "Baclofen.Bot.Host.dll"));
        start.ArgumentList.Add($"--urls={urls}");
        start.ArgumentList.Add("--Faq:ReloadOnChange=false");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DOTNET_GCHeapHardLimit");
        start.Environment.Remove("DOTNET_GCHeapHardLimitPercent");
        start.Environment["Logging__Console__FormatterName"] = "simple";
        return start;
    }

    public static async Task<BotProcess> StartAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var port = FreeLoopbackPort();
        var start = StartInfo($"http://127.0.0.1:{port}", args);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The bot exited during start-up:\n" + bot.Output);
            }

            try
            {
                using var health = await http.GetAsync(new Uri(bot.Address, "/healthz"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await bot.DisposeAsync();
        throw new TimeoutException("The bot did not answer /healthz within 60 s:\n" + bot.Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
