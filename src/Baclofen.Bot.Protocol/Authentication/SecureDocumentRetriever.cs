using Microsoft.IdentityModel.Protocols;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// The <see cref="IDocumentRetriever"/> behind our OpenID metadata: our HttpClient, https only (http for
/// loopback, see <see cref="SecureTransport"/>) for the metadata document and for the jwks_uri it names.
/// </summary>
/// <remarks>Not the library's HttpDocumentRetriever: that one allows http for every host or none, and
/// retries a 503 once on its own, while the refresh floor in <see cref="OpenIdMetadata"/> is what decides
/// how often the identity provider is asked.</remarks>
internal sealed class SecureDocumentRetriever(HttpClient http) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || !SecureTransport.IsAllowed(url))
        {
            throw new SigningKeysUnavailableException("OpenID metadata and keys must come over https (http only for loopback).");
        }

        using var response = await http.GetAsync(url, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SigningKeysUnavailableException($"GET {url.Host}{url.AbsolutePath} answered {(int)response.StatusCode}.");
        }
        return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
    }
}
