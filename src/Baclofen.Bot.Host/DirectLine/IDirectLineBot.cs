using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Runs one turn of the bot in-process and hands back what the bot replied, in order: the
/// same contract as deliveryMode expectReplies. The Direct Line server depends on this and
/// nothing else, so it works with any adapter behind it.
/// </summary>
public interface IDirectLineBot
{
    /// <param name="incoming">
    /// A conversationUpdate (the user joined) or what the user posted, already stamped by the
    /// server: id, timestamp, channelId "directline", conversation, from (the token's user) and
    /// recipient (the bot).
    /// </param>
    /// <returns>The bot's replies. The server stamps id, timestamp, from, recipient and conversation.</returns>
    Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, CancellationToken cancellationToken);
}
