using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// The bot as it runs in production: its own process, its runtimeconfig.json (a 64 MB start-up
/// limit and a wide region range), then the configured cap applied. The runtime's own report of
/// its limit is read from the start-up log.
/// </summary>
public sealed partial class GcHeapLimitProcessTests
{
    [Theory]
    [InlineData(null, 40L)] // 32 MB base + the 8 MB Direct Line store as shipped
    [InlineData("400", 400L)] // above five times the start-up limit: needs the region range
    public async Task The_process_runs_with_the_configured_cap(string? configured, long expectedMegabytes)
    {
        var log = await StartupLogAsync(configured is null ? [] : [$"--Bot:Memory:GCHeapLimitMegabytes={configured}"]);

        var match = CappedAt().Match(log);
        Assert.True(match.Success, log);
        Assert.Equal(expectedMegabytes, long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expectedMegabytes, long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Zero_lifts_the_start_up_limit()
    {
        var log = await StartupLogAsync(["--Bot:Memory:GCHeapLimitMegabytes=0"]);

        var match = NotCapped().Match(log);
        Assert.True(match.Success, log);
        // More than the start-up limit's default reservation (five times 64 MB) can hold.
        Assert.True(long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 5 * 64, log);
    }

    [Fact]
    public async Task A_rebuild_of_the_faq_gets_room_under_the_cap_and_gives_it_back()
    {
        var faq = Directory.CreateTempSubdirectory("bot-faq-");
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "faq")))
            {
                File.Copy(file, Path.Combine(faq.FullName, Path.GetFileName(file)));
            }

            var edited = Directory.EnumerateFiles(faq.FullName, "*.md").First();
            var log = await RunAsync(
                ["--Faq:ReloadOnChange=true", "--Faq:Path=" + faq.FullName],
                until: "cap back at",
                whenStarted: () => File.AppendAllText(edited, "\n"));

            Assert.Contains("FAQ reloaded", log, StringComparison.Ordinal);
            var back = CapBack().Match(log);
            Assert.True(back.Success, log);
            Assert.Equal("40", back.Groups[1].Value);
        }
        finally
        {
            faq.Delete(recursive: true);
        }
    }

    private static Task<string> StartupLogAsync(string[] args) =>
        RunAsync(["--Faq:ReloadOnChange=false", .. args], until: null, whenStarted: null);

    /// <summary>Runs the bot until the start-up log says what the cap is, or, with <paramref name="until"/>,
    /// until a line contains that text (<paramref name="whenStarted"/> runs once the bot serves, its faq/ watcher running).</summary>
    private static async Task<string> RunAsync(string[] args, string? until, Action? whenStarted)
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
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DOTNET_GCHeapHardLimit");
        start.Environment.Remove("DOTNET_GCHeapHardLimitPercent");
        start.Environment["Logging__Console__FormatterName"] = "simple";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lines.Enqueue(e.Data);
            if (e.Data.Contains("GC heap capped", StringComparison.Ordinal) || e.Data.Contains("GC heap not capped", StringComparison.Ordinal)
                || e.Data.Contains("could not be capped", StringComparison.Ordinal))
            {
                if (until is null)
                {
                    seen.TrySetResult();
                }
            }
            else if (e.Data.Contains("Application started", StringComparison.Ordinal))
            {
                whenStarted?.Invoke();
            }
            else if (until is not null && e.Data.Contains(until, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Task.WhenAny(seen.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"GC heap capped at (\d+) MB, (\d+) MB of it reachable")]
    private static partial Regex CappedAt();

    [GeneratedRegex(@"GC heap cap back at (\d+) MB after the FAQ rebuild")]
    private static partial Regex CapBack();

    [GeneratedRegex(@"GC heap not capped .*up to (\d+) MB")]
    private static partial Regex NotCapped();
}
