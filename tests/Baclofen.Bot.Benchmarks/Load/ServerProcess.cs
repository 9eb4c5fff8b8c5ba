using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Baclofen.Bot.Benchmarks.Load;

/// <summary>
/// A server under test in its own process on 127.0.0.1, so its memory is measured alone (from
/// /proc: resident set now and its high-water mark) and the load generator's allocations do not
/// count against it.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<(TimeSpan At, long RssBytes)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly Stopwatch _clock;

    private ServerProcess(Process process, Uri address, Stopwatch clock)
    {
        _process = process;
        Address = address;
        _clock = clock;
        _sampler = SampleAsync();
    }

    public Uri Address { get; }

    /// <summary>Peak resident set size (VmHWM) so far.</summary>
    public long PeakRssBytes => ProcessMemory.PeakResidentBytes(_process.Id);

    public long RssBytes => ProcessMemory.ResidentBytes(_process.Id);

    public IReadOnlyList<(TimeSpan At, long RssBytes)> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>
    /// Starts <c>dotnet app.dll args --urls http://127.0.0.1:port</c>, or the executable itself when
    /// <paramref name="app"/> is not a .dll (a Native AOT or self-contained publish); returns at once
    /// (the clock starts with the process).
    /// </summary>
    public static ServerProcess Start(string app, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        if (!File.Exists(app))
        {
            throw new FileNotFoundException($"{app} is missing: build first (dotnet build -c Release).", app);
        }

        var port = FreeLoopbackPort();
        var managed = app.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(managed ? "dotnet" : app)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        if (managed)
        {
            start.ArgumentList.Add(app);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        // Drained so a chatty server never blocks on a full pipe; the text itself is not needed.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  [server] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), clock);
    }

    public TimeSpan SinceStart => _clock.Elapsed;

    /// <summary>CPU time the server has used (user and system), which a busy machine inflates far less than wall-clock time.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async Task WaitHealthyAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was healthy.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The server did not become healthy in time.");
    }

    private async Task SampleAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var rss = ProcessMemory.ResidentBytes(_process.Id);
                lock (_samples)
                {
                    _samples.Add((_clock.Elapsed, rss));
                }

                await Task.Delay(500, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        // SIGTERM first, so the server shuts down as in production (and a runtime trace is flushed).
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _stop.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
