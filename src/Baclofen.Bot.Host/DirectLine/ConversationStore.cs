using System.Collections.Concurrent;
using Baclofen.Bot.Host.Widget;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// The conversations this instance holds, in memory. Memory stays bounded: a conversation is
/// dropped after a period without traffic, keeps a bounded log, there is a cap on how many exist
/// at once and on how many one client address holds, and all of them together hold at most
/// <see cref="WidgetOptions.MaxStoredMegabytes"/>. Beyond the bytes, idle conversations go first,
/// then the least recently active of the address holding the most conversations: a flood from one
/// address forgets its own conversations before anyone else's.
/// </summary>
public sealed class ConversationStore(IOptions<WidgetOptions> options, TimeProvider time) : IConversationStore
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private readonly object _createGate = new();
    private readonly StoreBudget _budget = new((long)options.Value.MaxStoredMegabytes * 1024 * 1024);
    private readonly PagePool _pages = new((long)options.Value.MaxStoredMegabytes * 1024 * 1024);

    public int Count => _conversations.Count;

    /// <summary>Bytes held by all conversations.</summary>
    public long StoredBytes => _budget.UsedBytes;

    private TimeSpan IdleTimeout => TimeSpan.FromMinutes(Math.Max(1, options.Value.ConversationIdleMinutes));

    /// <summary>Live conversations started from <paramref name="client"/>.</summary>
    public int CountFor(string client)
    {
        lock (_perClient)
        {
            return _perClient.GetValueOrDefault(client);
        }
    }

    /// <summary>The live conversation, touched; an idle one counts as gone even before the sweeper runs.</summary>
    public Conversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (IsExpired(conversation, now))
        {
            Remove(conversationId, conversation);
            return null;
        }

        conversation.Touch(now);
        if (_budget.IsExceeded)
        {
            TrimToBudget();
        }

        return conversation;
    }

    /// <summary>Finds or creates; refused when the store, or the client's share of it, is full even after dropping idle conversations.</summary>
    public ConversationStart GetOrCreate(string conversationId, string userId, string client = "")
    {
        var existing = Find(conversationId);
        if (existing is not null)
        {
            return new ConversationStart(ConversationStartStatus.Existing, existing);
        }

        lock (_createGate)
        {
            if (_conversations.TryGetValue(conversationId, out existing))
            {
                return new ConversationStart(ConversationStartStatus.Existing, existing);
            }

            var perClient = options.Value.MaxConversationsPerClient;
            if (perClient > 0 && CountFor(client) >= perClient)
            {
                SweepExpired();
                if (CountFor(client) >= perClient)
                {
                    return new ConversationStart(ConversationStartStatus.ClientFull, null);
                }
            }

            if (_conversations.Count >= options.Value.MaxConversations)
            {
                SweepExpired();
                if (_conversations.Count >= options.Value.MaxConversations)
                {
                    return new ConversationStart(ConversationStartStatus.StoreFull, null);
                }
            }

            if (_budget.IsExceeded)
            {
                TrimToBudget();
            }

            var created = new Conversation(conversationId, userId, options.Value.MaxActivitiesPerConversation, time.GetUtcNow(), _budget, _pages) { Client = client };
            _conversations[conversationId] = created;
            CountClient(client, +1);
            return new ConversationStart(ConversationStartStatus.Created, created);
        }
    }

    public Task<IConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<IConversation?>(Find(conversationId));

    public Task<ConversationStart> GetOrCreateAsync(string conversationId, string userId, string client, CancellationToken cancellationToken) =>
        Task.FromResult(GetOrCreate(conversationId, userId, client));

    /// <summary>Drops every conversation idle for longer than the timeout; returns how many.</summary>
    public int SweepExpired()
    {
        var now = time.GetUtcNow();
        var removed = 0;
        foreach (var pair in _conversations)
        {
            if (IsExpired(pair.Value, now) && Remove(pair.Key, pair.Value))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// Over the byte budget: idle conversations go first. Then, while still over 90% of the budget
    /// (so the work is not repeated on every request at the limit), the least recently active
    /// conversation of the address holding the most conversations (the most bytes between equals):
    /// a patient with one conversation loses it only once no address holds more.
    /// </summary>
    private void TrimToBudget()
    {
        lock (_createGate)
        {
            if (!_budget.IsExceeded)
            {
                return;
            }

            SweepExpired();
            var target = _budget.LimitBytes * 9 / 10;
            // Heaviest address first: most conversations, then most bytes.
            var heaviest = new PriorityQueue<(Queue<Conversation> Oldest, long Bytes), (int, long)>(
                Comparer<(int Count, long Bytes)>.Create((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : b.Bytes.CompareTo(a.Bytes)));
            foreach (var group in _conversations.Values.GroupBy(c => c.Client, StringComparer.Ordinal))
            {
                var oldest = new Queue<Conversation>(group.OrderBy(c => c.LastActive));
                var bytes = group.Sum(c => c.Bytes);
                heaviest.Enqueue((oldest, bytes), (oldest.Count, bytes));
            }

            while (_budget.UsedBytes > target && heaviest.TryDequeue(out var client, out _))
            {
                var victim = client.Oldest.Dequeue();
                var bytes = client.Bytes - victim.Bytes;
                Remove(victim.Id, victim);
                if (client.Oldest.Count > 0)
                {
                    heaviest.Enqueue((client.Oldest, bytes), (client.Oldest.Count, bytes));
                }
            }
        }
    }

    private bool Remove(string conversationId, Conversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, Conversation>(conversationId, conversation)))
        {
            return false;
        }

        CountClient(conversation.Client, -1);
        conversation.Detach();
        return true;
    }

    private void CountClient(string client, int delta)
    {
        lock (_perClient)
        {
            var count = _perClient.GetValueOrDefault(client) + delta;
            if (count > 0)
            {
                _perClient[client] = count;
            }
            else
            {
                _perClient.Remove(client);
            }
        }
    }

    private bool IsExpired(Conversation conversation, DateTimeOffset now) => now - conversation.LastActive > IdleTimeout;
}
