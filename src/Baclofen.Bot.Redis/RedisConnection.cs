using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Baclofen.Bot.Redis;

/// <summary>
/// The one multiplexed connection a process keeps to Redis (StackExchange.Redis pipelines every
/// caller over it). Connected on first use, not at start-up: abortConnect=false lets the bot start
/// while Redis is still coming up, and turns fail (and recover) rather than the process.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = ConfigurationOptions.Parse(options.Value.Redis ?? throw new InvalidOperationException("Storage:Redis is not configured."));
        configuration.AbortOnConnectFail = false;
        KeyPrefix = options.Value.KeyPrefix;
        _multiplexer = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(configuration));
    }

    public string KeyPrefix { get; }

    public IDatabase Database => _multiplexer.Value.GetDatabase();

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
