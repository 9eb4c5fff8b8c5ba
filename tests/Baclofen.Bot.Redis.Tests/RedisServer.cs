using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Baclofen.Bot.Redis.Tests;

/// <summary>
/// Debian's redis-server on 127.0.0.1 with a free port, no persistence, for one test class or
/// collection. tests/run installs redis-server; without it the Redis tests are skipped, saying why.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string NotInstalled = "redis-server is not installed (tests/run installs it: apt-get install redis-server)";

    private Process? _process;

    public static string? Executable { get; } = Find();

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Executable is null)
        {
            return;
        }

        Port = FreeLoopbackPort();
        ConnectionString = $"127.0.0.1:{Port}";
        await StartAsync();
    }

    public int Port { get; private set; }

    /// <summary>Kills the server at once (SIGKILL), as a crash would; nothing was persisted.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>A new, empty server on the same port, as after a restart.</summary>
    public Task RestartAsync() => StartAsync();

    public Task DisposeAsync() => KillAsync();

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo(Executable!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process = process;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin").Append("/usr/sbin"))
        {
            var candidate = Path.Combine(dir, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>A fact that needs redis-server: skipped, with the reason, only when it is not installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null)
        {
            Skip = RedisServer.NotInstalled;
        }
    }
}
