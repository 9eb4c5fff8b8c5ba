using System.Globalization;

namespace Baclofen.Bot.Host;

/// <summary>
/// Caps the garbage-collected heap (<c>Bot:Memory:GCHeapLimitMegabytes</c>), so the bot's memory
/// on a clinic's small VM stays flat under load instead of growing with garbage the collector
/// has no reason to return.
/// </summary>
/// <remarks>
/// What the bot keeps alive is bounded by configuration: the FAQ index (~5 MB, twice during a
/// reload), conversation state (<c>Bot:State:MaxItems</c>, a few MB) and the in-memory Direct
/// Line conversations (<c>Widget:MaxStoredMegabytes</c>). The default is therefore
/// <see cref="BaseMegabytes"/> plus the Direct Line budget (80 MB with the shipped settings; the
/// base alone with Redis, which holds those conversations). Measured on the 2-core machine
/// (load --duration 60, interleaved): without a cap the resident set climbed to 220–340 MB
/// whichever collector (server, workstation, DATAS off, conserve-memory, smaller gen0); with a
/// 64 MB heap it stayed at 176–182 MB and throughput held, but one run of two failed Direct Line
/// turns once the store filled, and 48 MB failed most of them: the budget has to fit beside
/// everything else, hence base + budget. 0 turns the cap off. A limit the runtime
/// was given directly (DOTNET_GCHeapHardLimit, or GCHeapHardLimit in runtimeconfig.json) wins.
/// Applied in Program.cs only, never in processes that merely host the app (tests, benchmarks).
/// </remarks>
public static class GcHeapLimit
{
    public const string Key = "Bot:Memory:GCHeapLimitMegabytes";

    /// <summary>Heap for everything but the Direct Line store, with room for a reload and for garbage between collections.</summary>
    public const int BaseMegabytes = 64;

    /// <summary>The smallest cap accepted: below it the FAQ index cannot even be rebuilt.</summary>
    public const int MinimumMegabytes = 32;

    /// <summary>The cap in bytes this configuration asks for, or null for none.</summary>
    /// <param name="runtimeLimitSet">The runtime already has a hard limit of its own.</param>
    public static long? Resolve(IConfiguration configuration, bool runtimeLimitSet)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (runtimeLimitSet)
        {
            return null;
        }

        var raw = configuration[Key];
        int megabytes;
        if (string.IsNullOrWhiteSpace(raw))
        {
            var directLineInMemory = string.IsNullOrWhiteSpace(configuration["Storage:Redis"]);
            var budget = configuration.GetValue("Widget:MaxStoredMegabytes", Widget.WidgetOptions.DefaultMaxStoredMegabytes);
            megabytes = BaseMegabytes + (directLineInMemory ? Math.Max(0, budget) : 0);
        }
        else if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out megabytes) || (megabytes != 0 && megabytes < MinimumMegabytes))
        {
            throw new InvalidOperationException($"{Key} must be 0 (no cap) or at least {MinimumMegabytes} (megabytes); it is '{raw}'.");
        }

        return megabytes == 0 ? null : megabytes * 1024L * 1024;
    }

    /// <summary>Whether the runtime was started with a hard heap limit (environment or runtimeconfig.json).</summary>
    public static bool RuntimeLimitSet() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_GCHeapHardLimit"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_GCHeapHardLimitPercent"))
        || AppContext.GetData("GCHeapHardLimit") is not null
        || AppContext.GetData("GCHeapHardLimitPercent") is not null;

    /// <summary>Applies the configured cap to this process; returns the bytes applied, or null.</summary>
    public static long? Apply(IConfiguration configuration, ILogger logger)
    {
        var bytes = Resolve(configuration, RuntimeLimitSet());
        if (bytes is null)
        {
            return null;
        }

        AppContext.SetData("GCHeapHardLimit", (ulong)bytes.Value);
        try
        {
            GC.RefreshMemoryLimit();
        }
        catch (InvalidOperationException e)
        {
            // The heap already holds more than the cap: run without one rather than not at all.
            logger.LogWarning("{Key}: the heap could not be capped at {Megabytes} MB ({Reason}); running without a cap.", Key, bytes.Value / (1024 * 1024), e.Message);
            return null;
        }

        return bytes;
    }
}
