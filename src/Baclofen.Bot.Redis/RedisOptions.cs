namespace Baclofen.Bot.Redis;

/// <summary>The "Storage" section: where shared state lives when the bot runs on more than one machine.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Storage";

    /// <summary>A StackExchange.Redis connection string (host:port[,password=...]); empty keeps everything in this process's memory.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every key the bot writes, so several bots (or environments) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "baclofen:";

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}
