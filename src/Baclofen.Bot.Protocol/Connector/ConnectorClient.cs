using System.Net.Http.Headers;
using System.Text.Json;
using Baclofen.Bot.Protocol.Authentication;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Baclofen.Bot.Protocol.Connector;

/// <summary>
/// The Connector REST API client over <see cref="IHttpClientFactory"/>. Retries and the bot's
/// token are the named HttpClient's handlers (see <c>AddBotProtocol</c>), so this class only
/// addresses and serializes. Logs carry the conversation id and status, never the activity's
/// text: replies may quote health questions.
/// </summary>
public sealed partial class ConnectorClient : IConnectorClient
{
    /// <summary>The named HttpClient this client uses, so a host can tune timeouts or handlers.</summary>
    public const string HttpClientName = "BotConnector";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(IHttpClientFactory httpClientFactory, ILogger<ConnectorClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _logger = logger;
    }

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            throw new ArgumentException("An outgoing activity needs conversation.id.", nameof(activity));
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            throw new ArgumentException("An outgoing activity needs an absolute serviceUrl.", nameof(activity));
        }

        var uri = ConnectorRoutes.Activities(serviceUrl, conversationId, activity.ReplyToId);
        // Serialized up front so the request has a Content-Length (some proxies in front of
        // connector services refuse chunked bodies) and so a retry can send the same bytes again.
        var content = new ByteArrayContent(ActivityJsonWriter.ToUtf8Bytes(activity));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        var client = _httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDeliveryFailure(ex, cancellationToken))
        {
            LogUnreachable(conversationId, activity.Type, ex.GetType().Name);
            throw new ConnectorException("The reply could not be delivered to the channel's connector.", conversationId, null, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                LogRejected(conversationId, activity.Type, (int)response.StatusCode);
                throw new ConnectorException(
                    $"The channel's connector answered {(int)response.StatusCode} {response.ReasonPhrase}.",
                    conversationId,
                    response.StatusCode);
            }

            return await ReadResourceResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    // An untrusted serviceUrl or a failed token request stops the reply before it leaves; an
    // attempt timeout is what the retry pipeline throws when the last attempt timed out.
    private static bool IsDeliveryFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or UntrustedServiceUrlException or BotTokenRequestException or TimeoutRejectedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    // Connectors answer 200/201 with {"id": ...}; some answer 202 or 204 with nothing, which is
    // still a delivered activity.
    private static async Task<ResourceResponse> ReadResourceResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return new ResourceResponse();
        }

        try
        {
            return JsonSerializer.Deserialize<ResourceResponse>(body, ProtocolJson.Options) ?? new ResourceResponse();
        }
        catch (JsonException)
        {
            return new ResourceResponse();
        }
    }

    // The stack trace is logged once, by whoever handles the ConnectorException.
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Could not deliver a {ActivityType} activity to conversation {ConversationId} ({Failure})")]
    private partial void LogUnreachable(string conversationId, string? activityType, string failure);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "The connector answered {StatusCode} to a {ActivityType} activity for conversation {ConversationId}")]
    private partial void LogRejected(string conversationId, string? activityType, int statusCode);
}
