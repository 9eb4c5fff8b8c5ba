using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// The bot's outbound tokens through MSAL (Microsoft.Identity.Client): a confidential client with the app's
/// client secret or certificate, or a user-assigned managed identity. MSAL caches the token until shortly
/// before it expires, shares it between concurrent callers, retries a 5xx once and throttles after a 429 or
/// a Retry-After; nothing of that is ours.
/// </summary>
/// <remarks>Failures become <see cref="BotTokenRequestException"/> with the status and the OAuth error code
/// only: MSAL's messages can quote the identity provider's error description, which may echo what was sent.</remarks>
public sealed partial class MsalTokenProvider : IBotTokenProvider
{
    private readonly BotAuthenticationOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<Func<bool, CancellationToken, Task<Microsoft.Identity.Client.AuthenticationResult>>> _acquire;
    private readonly string _host;
    // MSAL does not coalesce concurrent cache misses: without this, a burst of replies at start-up would send
    // one token request each. Cache hits take microseconds, so queueing them behind each other costs nothing.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _forceRefresh;

    public MsalTokenProvider(BotAuthenticationOptions options, IMsalHttpClientFactory httpClientFactory, ILogger<MsalTokenProvider>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.EnsureValid();
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _host = options.IsAuthenticationEnabled && options.CredentialKind != BotCredentialKind.ManagedIdentity
            ? options.TokenEndpoint.Host
            : "the managed identity endpoint";
        // Built on first use (a certificate is read when the bot first replies); a failure is not cached, the next call tries again.
        _acquire = new(() => Build(httpClientFactory), LazyThreadSafetyMode.PublicationOnly);
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (!_options.IsAuthenticationEnabled)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var force = Interlocked.Exchange(ref _forceRefresh, 0) == 1;
        try
        {
            var result = await _acquire.Value(force, cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalServiceException ex)
        {
            if (force)
            {
                Volatile.Write(ref _forceRefresh, 1);
            }
            HttpStatusCode? status = ex.StatusCode > 0 ? (HttpStatusCode)ex.StatusCode : null;
            var error = SafeErrorCode(ex.ErrorCode);
            _logger.LogWarning("Token request to {TokenHost} answered {Status} {Error}.", _host, (int?)status, error);
            throw new BotTokenRequestException(
                $"Token request to {_host} answered {(int?)status} {error}".TrimEnd() + ".", status, error);
        }
        catch (Exception ex) when (ex is MsalClientException or HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (force)
            {
                Volatile.Write(ref _forceRefresh, 1);
            }
            var error = ex is MsalException msal ? SafeErrorCode(msal.ErrorCode) : null;
            throw new BotTokenRequestException($"Token request to {_host} failed: {error ?? ex.GetType().Name}.", error: error);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The next call skips MSAL's cache once (the connector answered 401: the token was revoked or rotated).</summary>
    public void Invalidate() => Volatile.Write(ref _forceRefresh, 1);

    private Func<bool, CancellationToken, Task<Microsoft.Identity.Client.AuthenticationResult>> Build(IMsalHttpClientFactory http)
    {
        if (_options.CredentialKind == BotCredentialKind.ManagedIdentity)
        {
            var identity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId!.Trim()))
                .WithHttpClientFactory(http)
                .Build();
            var resource = Resource(_options.BotFrameworkAuthentication.Scope);
            return (force, ct) => identity.AcquireTokenForManagedIdentity(resource).WithForceRefresh(force).ExecuteAsync(ct);
        }

        var builder = ConfidentialClientApplicationBuilder
            .Create(_options.MicrosoftAppId!.Trim())
            .WithAuthority(_options.Authority.AbsoluteUri.TrimEnd('/'))
            .WithHttpClientFactory(http);
        // A loopback authority is a local stand-in for Entra ID: asking the real cloud to validate it would
        // send traffic off the machine and fail anyway.
        if (_options.TokenEndpoint.IsLoopback)
        {
            builder = builder.WithInstanceDiscovery(false);
        }
        builder = _options.CredentialKind == BotCredentialKind.ClientSecret
            ? builder.WithClientSecret(_options.MicrosoftAppPassword!)
            : builder.WithCertificate(BotCertificate.Load(_options));
        var application = builder.Build();
        string[] scopes = [_options.BotFrameworkAuthentication.Scope];
        return (force, ct) => application.AcquireTokenForClient(scopes).WithForceRefresh(force).ExecuteAsync(ct);
    }

    // Managed identity endpoints take a resource, not a scope.
    private static string Resource(string scope) =>
        scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;

    // Only a well-formed OAuth/MSAL error code is surfaced; nothing else from the response.
    private static string? SafeErrorCode(string? code) =>
        code is not null && ErrorCodePattern().IsMatch(code) ? code : null;

    [GeneratedRegex("^[a-z_]{1,64}$")]
    private static partial Regex ErrorCodePattern();
}
