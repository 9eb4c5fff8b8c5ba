using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Builder;

/// <summary>
/// One turn: the incoming activity plus a way to answer it. Outgoing activities are addressed
/// from the incoming one (conversation, channel, serviceUrl, from/recipient swapped, replyToId),
/// so a bot only fills in what it wants to say. For deliveryMode expectReplies nothing leaves
/// the process during the turn: replies are buffered and the adapter returns them in the HTTP
/// response, because the caller is waiting for them there and may have no connector at all.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly SendActivitiesHandler _send;
    private readonly ConversationReference _reference;
    private readonly List<Activity> _bufferedReplies = [];
    // Replies and typing indicators can be sent from two tasks at once (the bot and the
    // typing middleware); sending one at a time keeps the order the user sees predictable.
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private volatile bool _responded;

    public TurnContext(Activity activity, SendActivitiesHandler send)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(send);
        Activity = activity;
        _send = send;
        _reference = activity.GetConversationReference();
    }

    public Activity Activity { get; }

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public bool Responded => _responded;

    public bool ExpectsReplies => string.Equals(Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>The replies held back for an expectReplies response, in the order sent.</summary>
    public IReadOnlyList<Activity> BufferedReplies
    {
        get
        {
            lock (_bufferedReplies)
            {
                return _bufferedReplies.ToArray();
            }
        }
    }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : new ResourceResponse();
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
        => SendCoreAsync(activities, markResponded: true, cancellationToken);

    /// <summary>
    /// Sends without counting as a response, as Bot Builder's typing middleware does by going
    /// straight to the adapter: a typing indicator is not an answer, and a bot that checks
    /// <see cref="Responded"/> must not be fooled by one.
    /// </summary>
    internal Task<ResourceResponse[]> SendWithoutRespondingAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        => SendCoreAsync(activities, markResponded: false, cancellationToken);

    private async Task<ResourceResponse[]> SendCoreAsync(IReadOnlyList<Activity> activities, bool markResponded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return [];
        }

        var outgoing = new List<Activity>(activities.Count);
        foreach (var activity in activities)
        {
            ArgumentNullException.ThrowIfNull(activity);
            activity.Type ??= ActivityTypes.Message;
            // An id on an outgoing activity is the channel's to assign.
            activity.Id = null;
            outgoing.Add(activity.ApplyConversationReference(_reference));
        }

        ResourceResponse[] responses;
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (ExpectsReplies)
            {
                lock (_bufferedReplies)
                {
                    _bufferedReplies.AddRange(outgoing);
                }

                responses = outgoing.Select(_ => new ResourceResponse()).ToArray();
            }
            else
            {
                responses = await _send(outgoing, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }

        if (markResponded && outgoing.Any(a => a.Type != ActivityTypes.Trace))
        {
            _responded = true;
        }

        return responses;
    }
}
