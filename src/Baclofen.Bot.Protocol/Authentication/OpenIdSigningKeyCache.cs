using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// Signing keys published through one OpenID metadata document (metadata → <c>jwks_uri</c> → JWKS).
/// Keys are fetched on first use, refetched when older than <see cref="OpenIdSigningKeyCacheOptions.RefreshInterval"/>,
/// and refetched early when a token names an unknown kid (key rollover) — but never more often than
/// <see cref="OpenIdSigningKeyCacheOptions.MinimumRefreshInterval"/>. One fetch at a time; concurrent callers share it.
/// A failed refresh keeps the keys already held.
/// </summary>
/// <remarks>Our own retriever rather than ConfigurationManager because, when this was written, the NuGet copy
/// served no OpenIdConnect package matching our Tokens version. It does now (8.23.0): replacing this class with
/// ConfigurationManager is open work (README "Dependencies"). It takes a <see cref="TimeProvider"/> so tests control time.</remarks>
public sealed class OpenIdSigningKeyCache
{
    // With no keys at all every request fails, so a failed first fetch is retried sooner than the storm guard.
    private static readonly TimeSpan RetryWithoutKeysAfter = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly OpenIdSigningKeyCacheOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningKeySet? _current;
    private DateTimeOffset? _lastAttempt;

    public OpenIdSigningKeyCache(
        HttpClient http,
        Uri metadataUrl,
        TimeProvider? timeProvider = null,
        OpenIdSigningKeyCacheOptions? options = null,
        ILogger<OpenIdSigningKeyCache>? logger = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        MetadataUrl = metadataUrl ?? throw new ArgumentNullException(nameof(metadataUrl));
        if (!SecureTransport.IsAllowed(metadataUrl))
        {
            throw new ArgumentException("OpenID metadata must be fetched over https (http only for loopback).", nameof(metadataUrl));
        }
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new OpenIdSigningKeyCacheOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public Uri MetadataUrl { get; }

    /// <summary>The key with this kid, refreshing once (subject to the storm guard) if it is not known.
    /// Null if the kid is still unknown.</summary>
    /// <exception cref="SigningKeysUnavailableException">No keys could ever be fetched.</exception>
    public async Task<EndorsedSigningKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = await GetKeysAsync(cancellationToken).ConfigureAwait(false);
        if (keys.TryGet(keyId, out var key))
        {
            return key;
        }

        keys = await RefreshAsync(keys, unknownKeyId: true, cancellationToken).ConfigureAwait(false);
        return keys.TryGet(keyId, out key) ? key : null;
    }

    /// <summary>The current keys, fetched first if none are held or they are older than the refresh interval.</summary>
    public Task<SigningKeySet> GetKeysAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && !IsStale(current)
            ? Task.FromResult(current)
            : RefreshAsync(current, unknownKeyId: false, cancellationToken);
    }

    private bool IsStale(SigningKeySet keys) => _time.GetUtcNow() - keys.FetchedAt >= _options.RefreshInterval;

    private async Task<SigningKeySet> RefreshAsync(SigningKeySet? seen, bool unknownKeyId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && !ReferenceEquals(current, seen))
            {
                return current; // another caller refreshed while this one waited
            }

            var now = _time.GetUtcNow();
            var sinceLastAttempt = _lastAttempt is { } last ? now - last : TimeSpan.MaxValue;
            if (current is not null)
            {
                var wanted = unknownKeyId || IsStale(current);
                if (!wanted || sinceLastAttempt < _options.MinimumRefreshInterval)
                {
                    return current;
                }
            }
            else if (sinceLastAttempt < RetryWithoutKeysAfter)
            {
                throw new SigningKeysUnavailableException($"No signing keys from {MetadataUrl.Host}; the last fetch failed moments ago.");
            }

            try
            {
                var fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
                _lastAttempt = now;
                Volatile.Write(ref _current, fetched);
                _logger.LogInformation("Fetched {KeyCount} signing keys from {MetadataHost}.", fetched.Count, MetadataUrl.Host);
                return fetched;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _lastAttempt = now;
                if (current is null)
                {
                    throw ex as SigningKeysUnavailableException
                        ?? new SigningKeysUnavailableException($"Could not fetch signing keys from {MetadataUrl.Host}.", ex);
                }

                _logger.LogWarning(ex, "Could not refresh signing keys from {MetadataHost}; keeping the {KeyCount} held.", MetadataUrl.Host, current.Count);
                return current;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKeySet> FetchAsync(CancellationToken cancellationToken)
    {
        var metadata = await GetStringAsync(MetadataUrl, cancellationToken).ConfigureAwait(false);
        string? jwksUri;
        using (var document = JsonDocument.Parse(metadata))
        {
            jwksUri = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("jwks_uri", out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }

        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var jwksUrl) || !SecureTransport.IsAllowed(jwksUrl))
        {
            throw new SigningKeysUnavailableException($"The OpenID metadata at {MetadataUrl.Host} has no usable https jwks_uri.");
        }

        var jwks = await GetStringAsync(jwksUrl, cancellationToken).ConfigureAwait(false);
        return SigningKeySet.Parse(jwks, _time.GetUtcNow());
    }

    private async Task<string> GetStringAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SigningKeysUnavailableException($"GET {url.Host}{url.AbsolutePath} answered {(int)response.StatusCode}.");
        }
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }
}
