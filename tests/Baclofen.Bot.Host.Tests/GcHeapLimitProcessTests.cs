using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// The bot as it runs in production: its own process, its runtimeconfig.json (a 64 MB start-up
/// limit and a wide region range), then that limit lifted or replaced by the operator's cap. The
/// runtime's own report of its limit is read from the start-up log.
/// </summary>
public sealed partial class GcHeapLimitProcessTests
{
    [Fact]
    public async Task By_default_the_start_up_limit_is_lifted_and_nothing_replaces_it()
    {
        var log = await StartupLogAsync([]);

        var match = NotCapped().Match(log);
        Assert.True(match.Success, log);
        // More than the start-up limit's default reservation (five times 64 MB) can hold.
        Assert.True(long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 5 * 64, log);
    }

    [Fact]
    public async Task Zero_means_no_cap_too()
    {
        var log = await StartupLogAsync(["--Bot:Memory:GCHeapLimitMegabytes=0"]);

        Assert.Matches(NotCapped(), log);
    }

    [Fact]
    public async Task An_operator_cap_above_the_start_up_reservation_is_applied_and_warned_about()
    {
        // Above five times the start-up limit: needs the region range from runtimeconfig.json.
        var log = await StartupLogAsync(["--Bot:Memory:GCHeapLimitMegabytes=400"]);

        var match = CappedAt().Match(log);
        Assert.True(match.Success, log);
        Assert.Equal("400", match.Groups[1].Value);
        Assert.DoesNotContain("reserved only", log, StringComparison.Ordinal);
    }

    /// <summary>Runs the bot until its start-up log says what the heap limit is.</summary>
    private static async Task<string> StartupLogAsync(string[] args)
    {
        var start = Abuse.BotProcess.StartInfo("http://127.0.0.1:0", args);

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

    [GeneratedRegex(@"GC heap capped at (\d+) MB")]
    private static partial Regex CappedAt();

    [GeneratedRegex(@"GC heap not capped \(runtime hard limit 0\).*up to (\d+) MB")]
    private static partial Regex NotCapped();
}
