using System.Globalization;

namespace Baclofen.Bot.Host;

/// <summary>
/// An operator's optional cap on the garbage-collected heap (<c>Bot:Memory:GCHeapLimitMegabytes</c>).
/// The default is no cap: memory per request is bounded where requests arrive (body size, parse
/// limits, concurrency), never by a global limit that turns a burst into OutOfMemoryException in
/// whichever request, reload or emergency turn happens to allocate next.
/// </summary>
/// <remarks>
/// runtimeconfig.template.json starts the process with a 64 MB limit and a 256 GB region range: the
/// collector sizes its youngest generation from the memory it sees at start-up (6 MB of allocations
/// between gen0 collections with that limit, 16 MB without, on a 2-core machine with a 32 MB L3
/// cache), which keeps the resident set small. <see cref="Apply"/> then lifts that limit (0) or
/// replaces it with the operator's cap; the wide region range lets the heap grow past five times
/// the start-up limit, which is all the runtime would otherwise reserve. A limit given to the
/// runtime in the environment (DOTNET_GCHeapHardLimit, DOTNET_GCHeapHardLimitPercent) wins.
/// Applied in Program.cs only, never in processes that merely host the app (tests, benchmarks).
/// </remarks>
public static class GcHeapLimit
{
    public const string Key = "Bot:Memory:GCHeapLimitMegabytes";

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
        if (string.IsNullOrWhiteSpace(raw))
        {
            return 0;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) || (megabytes != 0 && megabytes < MinimumMegabytes))
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

    /// <summary>Applies the configured cap (0: lifts the start-up limit); returns the bytes applied, or null if it left the limit alone.</summary>
    public static long? Apply(IConfiguration configuration, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var bytes = Resolve(configuration, RuntimeLimitSet());
        if (bytes is null)
        {
            logger.LogInformation("GC heap limit given to the runtime in the environment: {Megabytes} MB.", RuntimeHardLimitBytes() / (1024 * 1024));
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
            logger.LogWarning("{Key}: the heap could not be capped at {Megabytes} MB ({Reason}); keeping the start-up limit of {StartupMegabytes} MB.", Key, bytes.Value / (1024 * 1024), e.Message, RuntimeHardLimitBytes() / (1024 * 1024));
            return null;
        }

        // What the runtime now reports, not what was asked, so an operator can see it took.
        var hardLimit = RuntimeHardLimitBytes() / (1024 * 1024);
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);
        if (hardLimit == 0)
        {
            logger.LogInformation("GC heap not capped (runtime hard limit 0): the collector may use up to {Megabytes} MB, the memory the machine or container has.", available);
        }
        else
        {
            var range = ReservedRangeBytes() / (1024 * 1024);
            if (range > 0 && range < hardLimit)
            {
                logger.LogWarning("The collector reserved only {Range} MB of address space at start-up (System.GC.RegionRange in runtimeconfig.json); the heap cannot grow beyond it.", range);
            }

            // Out of memory is how a request is refused once the heap reaches the cap: say so where the operator looks.
            logger.LogWarning("GC heap capped at {Megabytes} MB ({Key}): a burst that needs more fails requests with OutOfMemoryException, emergency messages included.", hardLimit, Key);
        }

        return bytes;
    }

    /// <summary>The runtime's hard heap limit now in force, 0 for none.</summary>
    public static long RuntimeHardLimitBytes() => ConfigurationValue("GCHeapHardLimit");

    private static long ReservedRangeBytes() => ConfigurationValue("GCRegionRange");

    private static long ConfigurationValue(string name) =>
        GC.GetConfigurationVariables().TryGetValue(name, out var value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
}
