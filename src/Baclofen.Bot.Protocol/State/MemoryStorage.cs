using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.State;

/// <summary>
/// <see cref="IStorage"/> in process memory, for a single instance. Items expire after
/// <see cref="MemoryStorageOptions.IdleMinutes"/> without use and the store never holds more than
/// <see cref="MemoryStorageOptions.MaxItems"/>; a scaled-out bot needs a shared implementation.
/// Values written through <see cref="IValueStorage"/> are kept as objects and turned into JSON
/// only if read through <see cref="IStorage"/>.
/// </summary>
public sealed class MemoryStorage : IValueStorage
{
    private readonly Dictionary<string, Slot> _items = new(StringComparer.Ordinal);
    private readonly TimeSpan _idle;
    private readonly int _maxItems;
    private readonly TimeProvider _time;
    private long _lastETag;

    public MemoryStorage(IOptions<MemoryStorageOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _idle = TimeSpan.FromMinutes(Math.Max(1, options.Value.IdleMinutes));
        _maxItems = Math.Max(1, options.Value.MaxItems);
        _time = time;
    }

    /// <summary>A store with the default bounds, for tests and tools.</summary>
    public MemoryStorage()
        : this(Options.Create(new MemoryStorageOptions()), TimeProvider.System)
    {
    }

    /// <summary>How many items are held now (expired ones may linger until the next write).</summary>
    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = _time.GetUtcNow();
        var found = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        lock (_items)
        {
            foreach (var key in keys)
            {
                if (!_items.TryGetValue(key, out var slot))
                {
                    continue;
                }

                if (IsExpired(slot, now))
                {
                    _items.Remove(key);
                    continue;
                }

                slot.LastUsed = now;
                found[key] = new StoreItem(slot.Json, slot.ETag);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(found);
    }

    public StoredValue? ReadValue(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        lock (_items)
        {
            if (!_items.TryGetValue(key, out var slot))
            {
                return null;
            }

            if (IsExpired(slot, now))
            {
                _items.Remove(key);
                return null;
            }

            slot.LastUsed = now;
            return slot.Value is { } value ? new StoredValue(value, null, slot.ETag) : new StoredValue(null, slot.Json, slot.ETag);
        }
    }

    public void WriteValue(string key, object value, Func<object, string> toJson, string? eTag)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(toJson);
        var now = _time.GetUtcNow();
        lock (_items)
        {
            if (_items.TryGetValue(key, out var current) && !IsExpired(current, now)
                && eTag is not null and not IStorage.AnyETag && eTag != current.ETag)
            {
                throw new StorageConflictException(key);
            }

            _items[key] = new Slot(value, toJson, NextETag()) { LastUsed = now };
            if (_items.Count > _maxItems)
            {
                Evict(now);
            }
        }
    }

    public Task WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var now = _time.GetUtcNow();
        lock (_items)
        {
            // Check every eTag before writing any, so a conflict leaves the store unchanged.
            foreach (var (key, item) in changes)
            {
                if (_items.TryGetValue(key, out var current) && !IsExpired(current, now)
                    && item.ETag is not null and not IStorage.AnyETag && item.ETag != current.ETag)
                {
                    throw new StorageConflictException(key);
                }
            }

            foreach (var (key, item) in changes)
            {
                ArgumentNullException.ThrowIfNull(item.Json, nameof(changes));
                _items[key] = new Slot(item.Json, NextETag()) { LastUsed = now };
            }

            if (_items.Count > _maxItems)
            {
                Evict(now);
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_items)
        {
            foreach (var key in keys)
            {
                _items.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    // Expired items go first; if the store is still full, the least recently used make room,
    // down to 90% so the scan is not repeated on every write at capacity.
    private void Evict(DateTimeOffset now)
    {
        foreach (var key in _items.Where(kv => IsExpired(kv.Value, now)).Select(kv => kv.Key).ToList())
        {
            _items.Remove(key);
        }

        if (_items.Count <= _maxItems)
        {
            return;
        }

        var target = Math.Max(1, _maxItems * 9 / 10);
        foreach (var key in _items.OrderBy(kv => kv.Value.LastUsed).Take(_items.Count - target).Select(kv => kv.Key).ToList())
        {
            _items.Remove(key);
        }
    }

    private bool IsExpired(Slot slot, DateTimeOffset now) => now - slot.LastUsed >= _idle;

    // Under the lock.
    private string NextETag() => (++_lastETag).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Slot
    {
        private readonly Func<object, string>? _toJson;
        private string? _json;

        public Slot(string json, string eTag)
        {
            _json = json;
            ETag = eTag;
        }

        public Slot(object value, Func<object, string> toJson, string eTag)
        {
            Value = value;
            _toJson = toJson;
            ETag = eTag;
        }

        /// <summary>The value as written through <see cref="IValueStorage"/>; null for JSON writes.</summary>
        public object? Value { get; }

        // Made from the value on first read through IStorage (under the store's lock), then kept.
        public string Json => _json ??= _toJson!(Value!);

        public string ETag { get; }

        public DateTimeOffset LastUsed { get; set; }
    }
}
