using System.Net;
using System.Net.Http.Headers;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// HttpClient handler for the connector client: attaches the bot's bearer token to every request, but only
/// when the request goes under a service URL that arrived in an authenticated activity. A request to any
/// other URL fails with <see cref="UntrustedServiceUrlException"/> before anything is sent. With
/// authentication disabled (no app id) requests pass through with no token and no check, for a local Emulator.
/// </summary>
public sealed class ConnectorAuthorizationHandler : DelegatingHandler
{
    private readonly IBotTokenProvider _tokens;
    private readonly TrustedServiceUrls _trusted;
    private readonly BotAuthenticationMode _mode;

    public ConnectorAuthorizationHandler(BotAuthenticationMode mode, IBotTokenProvider tokens, TrustedServiceUrls trusted)
    {
        _mode = mode;
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _trusted = trusted ?? throw new ArgumentNullException(nameof(trusted));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_mode == BotAuthenticationMode.Enabled)
        {
            var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
            if (!_trusted.IsTrusted(uri))
            {
                throw new UntrustedServiceUrlException(uri.IsAbsoluteUri ? uri.Host : "(relative)");
            }

            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // A revoked or rotated token: fetch a new one next time instead of reusing it until expiry.
            _tokens.Invalidate();
        }
        return response;
    }
}
