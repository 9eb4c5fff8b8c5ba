using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Builder;

/// <summary>
/// Delivers activities that a turn context has already addressed. The adapter supplies one
/// per turn: to the connector for a normal turn, or into a buffer for expectReplies.
/// </summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
