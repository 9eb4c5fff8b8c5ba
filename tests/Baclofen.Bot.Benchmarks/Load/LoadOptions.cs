using System.Globalization;

namespace Baclofen.Bot.Benchmarks.Load;

/// <summary>The load command's arguments. Every run is bounded: a fixed duration, a fixed number of connections, loopback only.</summary>
internal sealed record LoadOptions
{
    /// <summary>Measured seconds in total, shared by the targets in interleaved slices.</summary>
    public int DurationSeconds { get; init; } = 90;

    public int SliceSeconds { get; init; } = 10;

    public int WarmupSeconds { get; init; } = 5;

    public int Connections { get; init; } = 16;

    /// <summary>Start-ups timed (process start to first answer) before the load begins.</summary>
    public int Startups { get; init; } = 3;

    /// <summary>A conversation is left after this many turns and a new one begun, so state keeps growing unless it expires.</summary>
    public int TurnsPerConversation { get; init; } = 20;

    /// <summary>Which of ceiling, api, directline to drive.</summary>
    public IReadOnlyList<string> Targets { get; init; } = ["ceiling", "api", "directline"];

    public string Configuration { get; init; } = "Release";

    /// <summary>
    /// The bot to start instead of the build output: a published Baclofen.Bot.Host.dll (run with
    /// dotnet) or a published executable (Native AOT), so publish options can be compared.
    /// </summary>
    public string? Bot { get; init; }

    /// <summary>Extra arguments for the bot process (e.g. --Storage:Redis=127.0.0.1:6379).</summary>
    public IReadOnlyList<string> BotArgs { get; init; } = [];

    /// <summary>Environment for the bot and the ceiling alike (e.g. DOTNET_gcServer=0), so both run the same runtime settings.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        var botArgs = new List<string>();
        var environment = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--duration" => options with { DurationSeconds = NextInt() },
                "--slice" => options with { SliceSeconds = NextInt() },
                "--warmup" => options with { WarmupSeconds = NextInt() },
                "--connections" => options with { Connections = NextInt() },
                "--startups" => options with { Startups = NextInt() },
                "--turns-per-conversation" => options with { TurnsPerConversation = NextInt() },
                "--targets" => options with { Targets = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--configuration" => options with { Configuration = Next() },
                "--bot" => options with { Bot = Path.GetFullPath(Next()) },
                "--bot-arg" or "--env" => options,
                _ => throw new ArgumentException($"Unknown argument {args[i]}. See README.md, section Performance."),
            };
            if (args[i] == "--bot-arg")
            {
                botArgs.Add(Next());
            }
            else if (args[i] == "--env")
            {
                var pair = Next().Split('=', 2);
                environment[pair[0]] = pair.Length > 1 ? pair[1] : "";
            }
        }

        if (options.DurationSeconds is < 1 or > 3600 || options.Connections is < 1 or > 256 || options.SliceSeconds < 1)
        {
            throw new ArgumentException("--duration must be 1..3600 s, --connections 1..256, --slice at least 1 s.");
        }

        return options with { BotArgs = botArgs, Environment = environment };
    }
}
