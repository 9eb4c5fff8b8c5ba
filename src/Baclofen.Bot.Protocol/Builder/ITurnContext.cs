using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Builder;

/// <summary>One turn of a conversation, in Bot Builder's shape.</summary>
public interface ITurnContext
{
    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>Per-turn state bag (Bot Builder's TurnState).</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>True once the bot has sent at least one activity this turn.</summary>
    bool Responded { get; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);
}
