using System.Collections.Concurrent;
using Baclofen.Bot.Host.Widget;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// The conversations this instance holds, in memory. Memory stays bounded: a conversation is
/// dropped after a period without traffic, keeps a bounded log, and there is a cap on how
/// many exist at once.
/// </summary>
public sealed class ConversationStore(IOptions<WidgetOptions> options, TimeProvider time) : IConversationStore
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly object _createGate = new();

    public int Count => _conversations.Count;

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
            _conversations.TryRemove(new KeyValuePair<string, Conversation>(conversationId, conversation));
            return null;
        }

        conversation.Touch(now);
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

            var created = new Conversation(conversationId, userId, options.Value.MaxActivitiesPerConversation, time.GetUtcNow());
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
            if (IsExpired(pair.Value, now) && _conversations.TryRemove(pair))
            {
                removed++;
            }
        }

        return removed;
    }

    private bool IsExpired(Conversation conversation, DateTimeOffset now) => now - conversation.LastActive > IdleTimeout;
}
