using Microsoft.Identity.Client;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// The HttpClient MSAL uses for every identity request (token endpoint, managed identity endpoint): one shared
/// client, as MSAL asks. MSAL only accepts an https authority, so a token endpoint configured as http on a loopback
/// address (a local or in-test identity provider) is reached by turning MSAL's https request for exactly that host
/// and port back into http; no other request is touched.
/// </summary>
public sealed class MsalHttpClientFactory : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient _client;

    public MsalHttpClientFactory(BotAuthenticationOptions options, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.IsAuthenticationEnabled && options.CredentialKind != BotCredentialKind.ManagedIdentity ? options.TokenEndpoint : null;
        HttpMessageHandler handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (endpoint is { IsLoopback: true } && endpoint.Scheme == Uri.UriSchemeHttp)
        {
            handler = new LoopbackHttpHandler(endpoint) { InnerHandler = handler };
        }
        _client = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(15) };
    }

    public HttpClient GetHttpClient() => _client;

    public void Dispose() => _client.Dispose();

    // Only built for a loopback endpoint (checked above), so matching its host and port is matching loopback.
    private sealed class LoopbackHttpHandler(Uri endpoint) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { Scheme: "https" } uri
                && string.Equals(uri.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase)
                && uri.Port == endpoint.Port)
            {
                request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Port = endpoint.Port }.Uri;
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
