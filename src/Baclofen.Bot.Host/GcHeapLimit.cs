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
/// Line conversations (<c>Widget:MaxStoredMegabytes</c>, pages reused from a pool). The default
/// is therefore <see cref="BaseMegabytes"/> plus the Direct Line budget (64 MB with the shipped
/// settings; the base alone with Redis, which holds those conversations). Measured on the 2-core
/// machine (load --duration 40, interleaved /api/messages and Direct Line): about 28 MB is live
/// at peak with the store full. Without a cap the heap grew to 70–75 MB whichever collector;
/// capped at 64 MB it stayed at 57–62 MB with no failed turn, also with the FAQ reloaded every
/// 3 s under the load; at 48 MB (1.7 times the live data) turns failed for lack of memory, and a
/// failed turn could be an emergency message, so the cap keeps more than twice the live data.
/// 0 turns the cap off. A limit the runtime was given directly (DOTNET_GCHeapHardLimit, or
/// GCHeapHardLimit in runtimeconfig.json) wins. Applied in Program.cs only, never in processes
/// that merely host the app (tests, benchmarks).
/// </remarks>
public static class GcHeapLimit
{
    public const string Key = "Bot:Memory:GCHeapLimitMegabytes";

    /// <summary>Heap for everything but the Direct Line store, with room for a reload and for garbage between collections.</summary>
    public const int BaseMegabytes = 48;

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
