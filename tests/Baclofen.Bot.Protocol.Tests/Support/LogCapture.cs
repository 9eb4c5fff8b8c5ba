using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Protocol.Tests.Support;

/// <summary>A logger provider that keeps every entry's event id and structured values, for tests that
/// check what a component reported (a retry's delay, say) rather than how it is worded.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, IReadOnlyDictionary<string, object?> Values)> Entries { get; } = new();

    public IEnumerable<IReadOnlyDictionary<string, object?>> WithEventId(int eventId) =>
        Entries.Where(e => e.EventId == eventId).Select(e => e.Values);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            owner.Entries.Enqueue((eventId.Id, values));
        }
    }
}
