using System.Collections.Concurrent;
using Baclofen.Bot.Protocol.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Baclofen.Bot.Redis.Tests;

public sealed class RedisOutageTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Lines _log = new();

    [Fact]
    public void An_outage_is_logged_once_per_interval_with_the_failures_in_between_and_once_when_it_ends()
    {
        var outage = new RedisOutage(_time, _log);
        var failure = new RedisConnectionException(ConnectionFailureType.SocketClosed, "closed");

        Assert.True(outage.IsReachable);
        for (var turn = 0; turn < 90; turn++)
        {
            outage.Failed(failure);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(outage.IsReachable);
        // A failed turn a second for 90 s: logged at 0 s (the first failure) and at 60 s (the 60 since), not per turn.
        Assert.Equal(["Warning 6001 1", "Warning 6001 60"], _log.Entries.Take(2).Select(e => $"{e.Level} {e.EventId} {e.Failures}"));
        Assert.Equal(2, _log.Entries.Count);

        outage.Answered();
        outage.Answered();

        Assert.True(outage.IsReachable);
        Assert.Equal("Information 6002", $"{_log.Entries.Last().Level} {_log.Entries.Last().EventId}");
        Assert.Equal(3, _log.Entries.Count);
    }

    [RedisFact]
    public async Task Storage_fails_at_once_with_storage_unavailable_while_redis_is_down_and_works_after_it_restarts()
    {
        var server = new RedisServer();
        await server.InitializeAsync();
        try
        {
            using var connection = new RedisConnection(Options.Create(new RedisOptions { Redis = server.ConnectionString, KeyPrefix = $"outage:{Guid.NewGuid():N}:" }));
            var storage = new RedisStorage(connection, TimeSpan.FromMinutes(5));
            await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("1") });

            await server.KillAsync();
            await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadAsync(["k"]));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("2") }));
            Assert.False(connection.Outage.IsReachable);

            await server.RestartAsync();
            var deadline = DateTime.UtcNow.AddSeconds(30); // bounds a broken run; the client retries every second
            while (!await connection.PingAsync() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new("3") });
            Assert.Equal("3", (await storage.ReadAsync(["k"]))["k"].Json);
            Assert.True(connection.Outage.IsReachable);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private sealed class Lines : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, int EventId, object? Failures)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            Entries.Enqueue((logLevel, eventId.Id, values.FirstOrDefault(v => v.Key == "Failures").Value));
        }
    }
}
