using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace Baclofen.Bot.Benchmarks.InProcess;

/// <summary>
/// A short job by default (a few minutes for everything on a 2-core machine), a shorter one with
/// --quick. Mean, P50/P95/P99 and allocations are what the README quotes.
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create(bool quick)
    {
        var job = quick
            ? Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(100)).WithId("Quick")
            : Job.Default.WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithId("Short");
        return DefaultConfig.Instance
            .AddJob(job)
            .AddColumn(StatisticColumn.P50, StatisticColumn.P95, new P99Column())
            .WithOptions(ConfigOptions.JoinSummary)
            // BenchmarkDotNet rebuilds the whole solution graph into its own folder; on the shared
            // 2-core machine that can take longer than its 2-minute default.
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
