using System.Diagnostics;

namespace Baclofen.Bot.Benchmarks.Load;

/// <summary>Drives one target with every worker at once (one request in flight per worker) for a fixed time.</summary>
internal static class SliceRunner
{
    public static async Task<(List<int> Micros, long Errors, TimeSpan Elapsed)> RunAsync(ITurnDriver driver, IReadOnlyList<Worker> workers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration + TimeSpan.FromSeconds(15)); // a hung request cannot outlive the slice by much
        var results = await Task.WhenAll(workers.Select(w => Task.Run(() => RunWorkerAsync(driver, w, clock, duration, stop.Token))));
        var elapsed = clock.Elapsed;
        return ([.. results.SelectMany(r => r.Micros)], results.Sum(r => r.Errors), elapsed);
    }

    private static async Task<(List<int> Micros, long Errors)> RunWorkerAsync(ITurnDriver driver, Worker worker, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        var micros = new List<int>(4096);
        long errors = 0;
        while (clock.Elapsed < duration)
        {
            var started = clock.Elapsed;
            bool ok;
            try
            {
                ok = await driver.TurnAsync(worker, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or System.Text.Json.JsonException or KeyNotFoundException)
            {
                ok = false;
            }

            if (ok)
            {
                micros.Add((int)Math.Min(int.MaxValue, (clock.Elapsed - started).Ticks / 10));
            }
            else
            {
                errors++;
                // A failing server is not hammered in a tight loop.
                await Task.Delay(10, CancellationToken.None);
            }
        }

        return (micros, errors);
    }
}
