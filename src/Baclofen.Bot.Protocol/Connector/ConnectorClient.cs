using System.Net.Http.Headers;
using System.Text.Json;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Protocol.Connector;

/// <summary>
/// The Connector REST API client over <see cref="IHttpClientFactory"/>. Logs carry the
/// conversation id and status, never the activity's text: replies may quote health questions.
/// </summary>
public sealed partial class ConnectorClient : IConnectorClient
{
    /// <summary>The named HttpClient this client uses, so a host can tune timeouts or handlers.</summary>
    public const string HttpClientName = "BotConnector";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IAccessTokenProvider _tokens;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(IHttpClientFactory httpClientFactory, IAccessTokenProvider tokens, ILogger<ConnectorClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
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
        // Serialized up front so the request has a Content-Length: some proxies in front of
        // connector services refuse chunked bodies.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        var token = await _tokens.GetTokenAsync(serviceUrl, cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var client = _httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(conversationId, activity.Type, ex.GetType().Name);
            throw new ConnectorException("The channel's connector could not be reached.", conversationId, null, ex);
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
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Could not reach the connector to send a {ActivityType} activity to conversation {ConversationId} ({Failure})")]
    private partial void LogUnreachable(string conversationId, string? activityType, string failure);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "The connector answered {StatusCode} to a {ActivityType} activity for conversation {ConversationId}")]
    private partial void LogRejected(string conversationId, string? activityType, int statusCode);
}
