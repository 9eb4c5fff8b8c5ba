using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// One issuer's OpenID metadata and signing keys, read by Microsoft.IdentityModel's
/// <see cref="OpenIdConnectConfigurationRetriever"/> (metadata → <c>jwks_uri</c> → JWKS). Fetched on first use,
/// refetched when older than <see cref="OpenIdMetadataOptions.RefreshInterval"/>, and refetched early when a token
/// names an unknown kid (key rollover), but never more often than <see cref="OpenIdMetadataOptions.MinimumRefreshInterval"/>.
/// One fetch at a time; concurrent callers share it. A failed refresh keeps the keys already held.
/// </summary>
/// <remarks>
/// The refresh policy is ours rather than ConfigurationManager's: in 8.23.0 ConfigurationManager refreshes on a
/// background thread by its own private system clock, so a token signed with a just-rolled-over key would be
/// refused until some later request, and refreshes could not be driven by a <see cref="TimeProvider"/> in tests.
/// Its synchronous mode is a process-wide AppContext switch. Parsing, key material and validation are the library's.
/// </remarks>
public sealed class OpenIdMetadata
{
    // With no keys at all every request fails, so a failed first fetch is retried sooner than the storm guard.
    private static readonly TimeSpan RetryWithoutKeysAfter = TimeSpan.FromSeconds(30);

    private readonly SecureDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly OpenIdMetadataOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;
    private DateTimeOffset? _lastAttempt;

    public OpenIdMetadata(
        HttpClient http,
        Uri metadataUrl,
        TimeProvider? timeProvider = null,
        OpenIdMetadataOptions? options = null,
        ILogger<OpenIdMetadata>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        MetadataUrl = metadataUrl ?? throw new ArgumentNullException(nameof(metadataUrl));
        if (!SecureTransport.IsAllowed(metadataUrl))
        {
            throw new ArgumentException("OpenID metadata must be fetched over https (http only for loopback).", nameof(metadataUrl));
        }
        _retriever = new SecureDocumentRetriever(http);
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new OpenIdMetadataOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public Uri MetadataUrl { get; }

    /// <summary>The key with this kid, refreshing once (subject to the storm guard) if it is not known.
    /// Null if the kid is still unknown.</summary>
    /// <exception cref="SigningKeysUnavailableException">No keys could ever be fetched.</exception>
    public async Task<EndorsedSigningKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || IsStale(current))
        {
            current = await RefreshAsync(current, unknownKeyId: false, cancellationToken).ConfigureAwait(false);
        }

        if (current.Keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        current = await RefreshAsync(current, unknownKeyId: true, cancellationToken).ConfigureAwait(false);
        return current.Keys.GetValueOrDefault(keyId);
    }

    private bool IsStale(Snapshot snapshot) => _time.GetUtcNow() - snapshot.FetchedAt >= _options.RefreshInterval;

    private async Task<Snapshot> RefreshAsync(Snapshot? seen, bool unknownKeyId, CancellationToken cancellationToken)
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
                var configuration = await OpenIdConnectConfigurationRetriever
                    .GetAsync(MetadataUrl.AbsoluteUri, _retriever, cancellationToken).ConfigureAwait(false);
                var fetched = new Snapshot(ChannelEndorsements.SigningKeys(configuration), now);
                _lastAttempt = now;
                Volatile.Write(ref _current, fetched);
                _logger.LogInformation("Fetched {KeyCount} signing keys from {MetadataHost}.", fetched.Keys.Count, MetadataUrl.Host);
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

                _logger.LogWarning(ex, "Could not refresh signing keys from {MetadataHost}; keeping the {KeyCount} held.", MetadataUrl.Host, current.Keys.Count);
                return current;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, EndorsedSigningKey> Keys, DateTimeOffset FetchedAt);
}
