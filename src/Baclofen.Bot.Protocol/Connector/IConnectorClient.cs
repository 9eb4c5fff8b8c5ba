using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Connector;

/// <summary>Posts outgoing activities to the channel's connector service (Connector REST API v3).</summary>
public interface IConnectorClient
{
    /// <summary>
    /// Sends an addressed activity to its <see cref="Activity.ServiceUrl"/>: as a reply when it
    /// has a replyToId, otherwise to the conversation. Throws <see cref="ConnectorException"/>
    /// when the connector cannot be reached or answers with an error.
    /// </summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);
}
