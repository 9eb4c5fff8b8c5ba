using Baclofen.Bot.Protocol.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Baclofen.Bot.Redis;

/// <summary>
/// The one multiplexed connection a process keeps to Redis (StackExchange.Redis pipelines every caller over
/// it). Connected on first use, not at start-up, and never fatal: abortConnect=false lets the bot start while
/// Redis is still coming up, and a lost connection is retried every <see cref="ReconnectInterval"/> in the
/// background. While it is down, commands fail at once (the fail-fast backlog policy) instead of queueing
/// until a timeout, so a turn that needs Redis goes on without it immediately.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    /// <summary>How often a lost connection is tried again.</summary>
    public static readonly TimeSpan ReconnectInterval = TimeSpan.FromSeconds(1);

    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = ConfigurationOptions.Parse(options.Value.Redis ?? throw new InvalidOperationException("Storage:Redis is not configured."));
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new LinearRetry((int)ReconnectInterval.TotalMilliseconds);
        KeyPrefix = options.Value.KeyPrefix;
        Outage = new RedisOutage(time ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);
        _multiplexer = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(configuration));
    }

    public string KeyPrefix { get; }

    /// <summary>Whether Redis answered the last command, and the outage log line.</summary>
    public RedisOutage Outage { get; }

    /// <summary>Blocks on the first connection; for start-up and tools. Requests use <see cref="RunAsync{T}"/>.</summary>
    public IDatabase Database => _multiplexer.Value.GetAwaiter().GetResult().GetDatabase();

    /// <summary>
    /// Runs one command (or script) against Redis. A connection failure or timeout is reported to
    /// <see cref="Outage"/> and thrown as <see cref="StorageUnavailableException"/>; anything else (a script
    /// error, a bad argument) is a bug and is thrown as it is.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            var multiplexer = await _multiplexer.Value.ConfigureAwait(false);
            var result = await command(multiplexer.GetDatabase()).ConfigureAwait(false);
            Outage.Answered();
            return result;
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            Outage.Failed(ex);
            throw new StorageUnavailableException("Redis could not be reached.", ex);
        }
    }

    /// <summary>True when Redis answers a PING now.</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            await RunAsync(db => db.PingAsync()).ConfigureAwait(false);
            return true;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            _multiplexer.Value.Result.Dispose();
        }
    }
}
