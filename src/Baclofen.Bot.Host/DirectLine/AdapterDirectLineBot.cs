using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Runs a Direct Line turn through the same adapter and bot as /api/messages, with
/// deliveryMode expectReplies so the replies come back in-process instead of being posted to
/// a connector: middleware, the turn error handler and the reply contract all apply alike.
/// </summary>
public sealed class AdapterDirectLineBot(CloudAdapter adapter, IBot bot) : IDirectLineBot
{
    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        incoming.DeliveryMode = DeliveryModes.ExpectReplies;
        var replies = await adapter.ProcessActivityAsync(incoming, bot, cancellationToken).ConfigureAwait(false);
        return replies?.Activities ?? [];
    }
}
