using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Where Direct Line conversations live: this process's memory (<see cref="ConversationStore"/>)
/// or Redis when <c>Storage:Redis</c> is set, so any instance can serve any conversation.
/// </summary>
public interface IConversationStore
{
    /// <summary>The live conversation, its idle time restarted; null when unknown or expired.</summary>
    Task<IConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Finds or creates; a new conversation counts against <paramref name="client"/>'s share
    /// (<see cref="ClientAddress"/>) and is refused when that share or the store is full.
    /// </summary>
    Task<ConversationStart> GetOrCreateAsync(string conversationId, string userId, string client, CancellationToken cancellationToken);
}

/// <summary>One conversation's append-only activity log, read from a watermark.</summary>
public interface IConversation
{
    string Id { get; }

    string UserId { get; }

    /// <summary>Holds this conversation's turns to one at a time (in this process), so a message, its typing indicator and its replies stay together.</summary>
    Task<IDisposable> LockTurnAsync(CancellationToken cancellationToken);

    /// <summary>Gives the activity its id (conversation|sequence) and a strictly increasing timestamp, stores a snapshot, returns the id.</summary>
    Task<string> AppendAsync(Activity activity, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Activities (UTF-8 JSON) from <paramref name="watermark"/> on (from the oldest retained one when
    /// null), as many as <paramref name="limit"/> allows, and the watermark that continues after them.
    /// </summary>
    Task<(IReadOnlyList<byte[]> Activities, long Watermark)> ReadFromAsync(long? watermark, ActivityPageLimit limit, CancellationToken cancellationToken);
}
