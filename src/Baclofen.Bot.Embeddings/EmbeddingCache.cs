namespace Baclofen.Bot.Embeddings;

/// <summary>
/// The most recent texts' vectors, at most <see cref="Capacity"/> of them; the least recently used
/// goes first. Real traffic repeats ("side effects?"), and a hit costs a copy instead of a model run.
/// Thread-safe (one lock; the work inside it is a dictionary look-up and a list move).
/// </summary>
public sealed class EmbeddingCache
{
    private readonly Dictionary<(TextRole Role, string Text), LinkedListNode<Entry>> _index = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _lock = new();

    public EmbeddingCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count
    {
        get { lock (_lock) return _index.Count; }
    }

    public bool TryGet(string text, TextRole role, Span<float> destination)
    {
        lock (_lock)
        {
            if (!_index.TryGetValue((role, text), out var node)) return false;
            _recency.Remove(node);
            _recency.AddFirst(node);
            node.Value.Vector.CopyTo(destination);
            return true;
        }
    }

    public void Add(string text, TextRole role, ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        lock (_lock)
        {
            if (_index.TryGetValue((role, text), out var existing))
            {
                _recency.Remove(existing);
                _index.Remove((role, text));
            }
            else if (_index.Count == Capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _index.Remove(oldest.Value.Key);
            }

            _index[(role, text)] = _recency.AddFirst(new Entry((role, text), copy));
        }
    }

    private sealed record Entry((TextRole Role, string Text) Key, float[] Vector);
}
