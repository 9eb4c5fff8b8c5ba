using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Baclofen.Bot.Host.Tests.Support;

/// <summary>
/// Microsoft's Agents Playground (npm @microsoft/m365agentsplayground, installed by tests/run
/// under tests/playground) run as a child process against a bot, with no browser, no
/// telemetry, and every socket on 127.0.0.1.
/// </summary>
internal sealed class AgentsPlayground : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workDirectory;
    private readonly StringBuilder _output = new();

    private AgentsPlayground(Process process, string workDirectory)
    {
        _process = process;
        _workDirectory = workDirectory;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string LogFile => Path.Combine(_workDirectory, "playground.log");

    /// <summary>What the Playground printed and logged, for failure messages.</summary>
    public string Diagnostics
    {
        get
        {
            string log;
            try
            {
                log = File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log file)";
            }
            catch (IOException ex)
            {
                log = ex.Message;
            }

            lock (_output)
            {
                return $"--- playground output ---\n{_output}\n--- playground log (tail) ---\n{Tail(log, 4000)}";
            }
        }
    }

    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint, string channelId)
    {
        var root = RepositoryRoot.Find();
        var playgroundDirectory = Path.Combine(root, "tests", "playground");
        var cli = Path.Combine(playgroundDirectory, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"The Agents Playground is not installed ({cli} is missing). Run `bash tests/run`, or `npm ci` in tests/playground.");
        }

        var port = FreeLoopbackPort();
        var workDirectory = Directory.CreateTempSubdirectory("agents-playground-").FullName;
        var start = new ProcessStartInfo("node")
        {
            // Its own folder as working directory: the Playground writes devTools/ and reads an
            // optional config file from there, and neither belongs in the repository.
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--require", Path.Combine(playgroundDirectory, "loopback-only.cjs"),
                     cli,
                     "--app-endpoint", botEndpoint.AbsoluteUri,
                     "--channel-id", channelId,
                     "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--service-url", $"http://127.0.0.1:{port}/_connector",
                     "--disable-telemetry",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["BROWSER"] = "none";
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none"; // what this version actually reads
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDirectory, "playground.log");
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var playground = new AgentsPlayground(process, workDirectory);
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => playground.OnOutput(e.Data, listening);
        process.ErrorDataReceived += (_, e) => playground.OnOutput(e.Data, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != listening.Task)
        {
            var diagnostics = playground.Diagnostics;
            await playground.DisposeAsync();
            throw new InvalidOperationException($"The Agents Playground did not start listening.\n{diagnostics}");
        }

        playground.BaseAddress = new Uri($"http://127.0.0.1:{await listening.Task}");
        return playground;
    }

    private void OnOutput(string? line, TaskCompletionSource<int>? listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        // Printed on stdout when it is not a terminal; the port can differ from --port if taken.
        const string marker = "Listening on ";
        if (listening is not null && line.StartsWith(marker, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(marker.Length), out var port))
        {
            listening.TrySetResult(port);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The Playground ignores SIGTERM, so the whole tree is killed.
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string Tail(string text, int max) => text.Length <= max ? text : text[^max..];
}
