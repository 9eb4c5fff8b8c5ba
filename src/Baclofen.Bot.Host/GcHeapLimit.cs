using System.Globalization;

namespace Baclofen.Bot.Host;

/// <summary>
/// Caps the garbage-collected heap (<c>Bot:Memory:GCHeapLimitMegabytes</c>), so the bot's memory
/// on a clinic's small VM stays flat under load instead of growing with garbage the collector
/// has no reason to return.
/// </summary>
/// <remarks>
/// What the bot keeps alive is bounded by configuration: the FAQ index (~7 MB), conversation
/// state (<c>Bot:State:MaxItems</c>, a few MB) and the in-memory Direct Line conversations
/// (<c>Widget:MaxStoredMegabytes</c>, pages reused from a pool). The default is therefore
/// <see cref="BaseMegabytes"/> plus the Direct Line budget (40 MB as shipped; the base alone with
/// Redis, which holds those conversations). A rebuild of the index after an faq/ edit holds two
/// indexes for a moment and gets <see cref="GcReloadHeadroom.Megabytes"/> more while it runs.
/// 0 turns the cap off. A limit given to the runtime in the environment (DOTNET_GCHeapHardLimit or
/// DOTNET_GCHeapHardLimitPercent) wins.
/// <para>
/// runtimeconfig.template.json starts the process with a 64 MB limit and a 256 GB region range.
/// The collector sizes its youngest generation from the memory it sees at start-up: with that
/// limit it collects gen0 after 6 MB of allocations, without one after 16 MB (2-core machine,
/// 32 MB L3 cache), and under a tight cap that decides whether collections keep up. Measured with
/// <c>load --duration 40</c>, interleaved /api/messages and Direct Line, 16 MB store: capped at
/// 48 MB after an uncapped start, 34 turns failed for lack of memory in 787 gen2 collections;
/// after the limited start the same cap served every turn with 7. With the 8 MB store and the FAQ
/// rebuilt every 3 s under that load, a 40 MB cap failed 13 of 14 rebuilds and a turn until
/// rebuilds got their own headroom; with it, none (a failed turn could be an emergency message).
/// The wide region range lets the configured cap, applied here once configuration is read, go
/// above the start-up limit or be removed; by default the runtime reserves five times a start-up
/// limit and no more.
/// </para>
/// Applied in Program.cs only, never in processes that merely host the app (tests, benchmarks).
/// </remarks>
public static class GcHeapLimit
{
    public const string Key = "Bot:Memory:GCHeapLimitMegabytes";

    /// <summary>Heap for everything but the Direct Line store: the index, state, and garbage between
    /// collections. A rebuild of the index gets <see cref="GcReloadHeadroom.Megabytes"/> more while it runs.</summary>
    public const int BaseMegabytes = 32;

    /// <summary>The cap this process applied (0: none), or null when it left the runtime's limit alone.</summary>
    public static long? AppliedBytes { get; private set; }

    /// <summary>The smallest cap accepted: below it the FAQ index, state and a gen0 budget do not fit.</summary>
    public const int MinimumMegabytes = 32;

    /// <summary>The cap in bytes this configuration asks for, 0 for none, or null to leave the runtime's own limit in place.</summary>
    /// <param name="runtimeLimitSet">The runtime was given a hard limit in the environment.</param>
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

        return megabytes * 1024L * 1024;
    }

    /// <summary>
    /// Whether the environment gave the runtime a hard heap limit. The one in runtimeconfig.json
    /// is ours, a start-up value (see remarks), so it does not count.
    /// </summary>
    public static bool RuntimeLimitSet() =>
        new[] { "DOTNET_", "COMPlus_" }.Any(prefix =>
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(prefix + "GCHeapHardLimit"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(prefix + "GCHeapHardLimitPercent")));

    /// <summary>Applies the configured cap to this process; returns the bytes applied (0: no cap), or null if it left the limit alone.</summary>
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
            // The heap already holds more than the cap: keep the start-up limit rather than not run.
            logger.LogWarning("{Key}: the heap could not be capped at {Megabytes} MB ({Reason}); keeping the start-up limit of {StartupMegabytes} MB.", Key, bytes.Value / (1024 * 1024), e.Message, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024));
            return null;
        }

        AppliedBytes = bytes.Value;

        // What the runtime now reports, not what was asked: an operator can see the cap took. The
        // heap can never outgrow the address range reserved at start-up, whatever the limit says.
        var limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);
        var range = ReservedRangeBytes() / (1024 * 1024);
        var reachable = range > 0 ? Math.Min(limit, range) : limit;
        if (reachable < limit)
        {
            logger.LogWarning("The collector reserved only {Range} MB of address space at start-up (System.GC.RegionRange in runtimeconfig.json); the heap cannot grow beyond it.", range);
        }

        if (bytes.Value == 0)
        {
            logger.LogInformation("GC heap not capped ({Key}=0): the collector may use up to {Megabytes} MB.", Key, reachable);
        }
        else
        {
            logger.LogInformation("GC heap capped at {Megabytes} MB, {Reachable} MB of it reachable.", limit, reachable);
        }

        return bytes;
    }

    private static long ReservedRangeBytes() =>
        GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
}
