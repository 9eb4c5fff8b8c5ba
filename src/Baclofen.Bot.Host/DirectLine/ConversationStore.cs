using System.Collections.Concurrent;
using Baclofen.Bot.Host.Widget;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// The conversations this instance holds, in memory. Memory stays bounded: a conversation is
/// dropped after a period without traffic, keeps a bounded log, there is a cap on how many exist
/// at once, and all of them together hold at most <see cref="WidgetOptions.MaxStoredMegabytes"/>
/// (beyond it the least recently active conversations go first).
/// </summary>
public sealed class ConversationStore(IOptions<WidgetOptions> options, TimeProvider time) : IConversationStore
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly object _createGate = new();
    private readonly StoreBudget _budget = new((long)options.Value.MaxStoredMegabytes * 1024 * 1024);
    private readonly PagePool _pages = new((long)options.Value.MaxStoredMegabytes * 1024 * 1024);

    public int Count => _conversations.Count;

    /// <summary>Bytes held by all conversations.</summary>
    public long StoredBytes => _budget.UsedBytes;

    private TimeSpan IdleTimeout => TimeSpan.FromMinutes(Math.Max(1, options.Value.ConversationIdleMinutes));

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

    /// <summary>Finds or creates; null when the store is full even after dropping idle conversations.</summary>
    public (Conversation Conversation, bool Created)? GetOrCreate(string conversationId, string userId)
    {
        var existing = Find(conversationId);
        if (existing is not null)
        {
            return (existing, false);
        }

        lock (_createGate)
        {
            if (_conversations.TryGetValue(conversationId, out existing))
            {
                return (existing, false);
            }

            if (_conversations.Count >= options.Value.MaxConversations)
            {
                SweepExpired();
                if (_conversations.Count >= options.Value.MaxConversations)
                {
                    return null;
                }
            }

            if (_budget.IsExceeded)
            {
                TrimToBudget();
            }

            var created = new Conversation(conversationId, userId, options.Value.MaxActivitiesPerConversation, time.GetUtcNow(), _budget, _pages);
            _conversations[conversationId] = created;
            return (created, true);
        }
    }

    public Task<IConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<IConversation?>(Find(conversationId));

    public Task<(IConversation Conversation, bool Created)?> GetOrCreateAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(GetOrCreate(conversationId, userId) is { } found ? ((IConversation)found.Conversation, found.Created) : ((IConversation, bool)?)null);

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
    /// Over the byte budget: idle conversations go first, then the least recently active, down to
    /// 90% of the budget so the sort is not repeated on every request at the limit.
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
            foreach (var pair in _conversations.OrderBy(p => p.Value.LastActive).ToList())
            {
                if (_budget.UsedBytes <= target)
                {
                    break;
                }

                Remove(pair.Key, pair.Value);
            }
        }
    }

    private bool Remove(string conversationId, Conversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, Conversation>(conversationId, conversation)))
        {
            return false;
        }

        conversation.Detach();
        return true;
    }

    private bool IsExpired(Conversation conversation, DateTimeOffset now) => now - conversation.LastActive > IdleTimeout;
}
