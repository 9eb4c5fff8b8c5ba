using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// Authenticates inbound Bot Framework requests as the Bot Framework authentication specification asks:
/// a Bot Connector service token, or an Emulator (Entra ID) token, told apart by issuer. On success the
/// activity's serviceUrl is recorded in <see cref="TrustedServiceUrls"/>. Never throws for a bad token;
/// every refusal is an <see cref="AuthenticationResult"/> whose <see cref="AuthenticationResult.Failure"/> says why.
/// Signature, issuer, audience and lifetime are checked by Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>;
/// what is ours is the Bot Framework part: which issuers and keys apply to which token, the Emulator's appid/azp,
/// the serviceurl claim and channel endorsements.
/// </summary>
public sealed class BotFrameworkAuthenticator
{
    // Real Bot Framework tokens are ~1-2 KB; the cap bounds work done on hostile input.
    private const int MaximumTokenSize = 16 * 1024;

    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256];

    private readonly BotAuthenticationOptions _options;
    private readonly OpenIdMetadata _botConnectorKeys;
    private readonly OpenIdMetadata _emulatorKeys;
    private readonly TrustedServiceUrls _trustedServiceUrls;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaximumTokenSize };
    private readonly HashSet<string> _emulatorIssuers;

    public BotFrameworkAuthenticator(
        BotAuthenticationOptions options,
        OpenIdMetadata botConnectorKeys,
        OpenIdMetadata emulatorKeys,
        TrustedServiceUrls trustedServiceUrls,
        TimeProvider? timeProvider = null,
        ILogger<BotFrameworkAuthenticator>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.EnsureValid();
        _botConnectorKeys = botConnectorKeys ?? throw new ArgumentNullException(nameof(botConnectorKeys));
        _emulatorKeys = emulatorKeys ?? throw new ArgumentNullException(nameof(emulatorKeys));
        _trustedServiceUrls = trustedServiceUrls ?? throw new ArgumentNullException(nameof(trustedServiceUrls));
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _emulatorIssuers = new HashSet<string>(options.EmulatorIssuers, StringComparer.Ordinal);
    }

    /// <summary>Convenience: builds the metadata of both issuers over <paramref name="http"/> from the configured metadata URLs.</summary>
    public BotFrameworkAuthenticator(
        BotAuthenticationOptions options,
        HttpClient http,
        TrustedServiceUrls trustedServiceUrls,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
        : this(
            options,
            new OpenIdMetadata(http, new Uri(options.BotFrameworkAuthentication.OpenIdMetadataUrl), timeProvider, logger: loggerFactory?.CreateLogger<OpenIdMetadata>()),
            new OpenIdMetadata(http, new Uri(options.BotFrameworkAuthentication.EmulatorOpenIdMetadataUrl), timeProvider, logger: loggerFactory?.CreateLogger<OpenIdMetadata>()),
            trustedServiceUrls,
            timeProvider,
            loggerFactory?.CreateLogger<BotFrameworkAuthenticator>())
    {
    }

    public BotAuthenticationMode Mode => _options.Mode;

    /// <summary>Both steps at once, for a caller that has the header and the activity together.</summary>
    /// <param name="authorizationHeader">The raw HTTP Authorization header, or null if absent.</param>
    /// <param name="channelId">The activity's channelId (must be endorsed by the Bot Connector signing key).</param>
    /// <param name="serviceUrl">The activity's serviceUrl (must equal a Bot Connector token's serviceurl claim).</param>
    public async Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        string? channelId,
        string? serviceUrl,
        CancellationToken cancellationToken)
    {
        var token = await ValidateTokenAsync(authorizationHeader, cancellationToken).ConfigureAwait(false);
        return AuthorizeActivity(token, channelId, serviceUrl);
    }

    /// <summary>
    /// The checks that need only the Authorization header: signature, issuer, audience, lifetime, and an
    /// Emulator token's app id. The adapter runs them before it reads a byte of the body, so a flood of
    /// forged tokens costs no parsing. Anonymous (success) when authentication is off.
    /// </summary>
    public async Task<AuthenticationResult> ValidateTokenAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (!_options.IsAuthenticationEnabled)
        {
            return AuthenticationResult.Anonymous();
        }

        var result = await ValidateAsync(authorizationHeader, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            LogRefused(result);
        }

        return result;
    }

    /// <summary>
    /// The checks that need the activity: a Bot Connector token's serviceurl claim must equal the activity's
    /// serviceUrl and its signing key must be endorsed for the activity's channelId. On success the
    /// serviceUrl is trusted for the bot's replies. A failed <paramref name="token"/> is returned as it is.
    /// </summary>
    public AuthenticationResult AuthorizeActivity(AuthenticationResult token, string? channelId, string? serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!_options.IsAuthenticationEnabled || !token.Succeeded)
        {
            return token;
        }

        if (token.Source == TokenSource.BotConnector)
        {
            var failure = CheckBotConnectorClaims(token.Identity!, token.SigningKey!, channelId, serviceUrl);
            if (failure != AuthenticationFailure.None)
            {
                var refused = AuthenticationResult.Fail(failure, token.Source);
                LogRefused(refused);
                return refused;
            }
        }

        _trustedServiceUrls.Trust(serviceUrl);
        return token;
    }

    // Debug only: a flood of forged tokens must not become a flood of log lines (the adapter's
    // RequestRefusals aggregates refusals per minute). The reason and source only: never the token.
    private void LogRefused(AuthenticationResult result) =>
        _logger.LogDebug("Inbound request refused: {Failure} ({Source}).", result.Failure, result.Source);

    private async Task<AuthenticationResult> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        var headerFailure = BearerToken.TryExtract(authorizationHeader, out var token);
        if (headerFailure != AuthenticationFailure.None)
        {
            return AuthenticationResult.Fail(headerFailure);
        }

        // Compact JWS only (three segments): an encrypted JWE has five and is never what Bot Framework sends.
        if (token.Count(c => c == '.') != 2 || !_handler.CanReadToken(token))
        {
            return AuthenticationResult.Fail(AuthenticationFailure.MalformedToken);
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return AuthenticationResult.Fail(AuthenticationFailure.MalformedToken);
        }

        // The issuer only routes to a rule set here; the signature and every claim are validated below.
        var issuer = unvalidated.Issuer;
        TokenSource source;
        OpenIdMetadata keys;
        if (string.Equals(issuer, _options.BotFrameworkAuthentication.BotConnectorIssuer, StringComparison.Ordinal))
        {
            (source, keys) = (TokenSource.BotConnector, _botConnectorKeys);
        }
        else if (issuer is not null && _emulatorIssuers.Contains(issuer))
        {
            (source, keys) = (TokenSource.Emulator, _emulatorKeys);
        }
        else
        {
            return AuthenticationResult.Fail(AuthenticationFailure.UntrustedIssuer);
        }

        if (string.IsNullOrEmpty(unvalidated.Kid))
        {
            return AuthenticationResult.Fail(AuthenticationFailure.UnknownSigningKey, source);
        }

        EndorsedSigningKey? signingKey;
        try
        {
            signingKey = await keys.FindKeyAsync(unvalidated.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (SigningKeysUnavailableException ex)
        {
            _logger.LogWarning(ex, "Signing keys unavailable for {Source} tokens.", source);
            return AuthenticationResult.Fail(AuthenticationFailure.SigningKeysUnavailable, source);
        }

        if (signingKey is null)
        {
            return AuthenticationResult.Fail(AuthenticationFailure.UnknownSigningKey, source);
        }

        var validation = await _handler.ValidateTokenAsync(unvalidated, Parameters(source, issuer!, signingKey.Key)).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return AuthenticationResult.Fail(Classify(validation.Exception), source);
        }

        var identity = validation.ClaimsIdentity;
        var extraFailure = source == TokenSource.BotConnector ? AuthenticationFailure.None : CheckEmulatorClaims(identity);
        return extraFailure == AuthenticationFailure.None
            ? AuthenticationResult.Success(identity, source, signingKey)
            : AuthenticationResult.Fail(extraFailure, source);
    }

    private TokenValidationParameters Parameters(TokenSource source, string issuer, SecurityKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = source == TokenSource.BotConnector ? [_options.BotFrameworkAuthentication.BotConnectorIssuer] : [issuer],
        ValidateAudience = true,
        ValidAudience = _options.MicrosoftAppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        LifetimeValidator = TokenLifetime.Validator(_time),
        RequireSignedTokens = true,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        SaveSigninToken = false,
    };

    private static AuthenticationFailure CheckBotConnectorClaims(
        ClaimsIdentity identity, EndorsedSigningKey key, string? channelId, string? serviceUrl)
    {
        var claimed = identity.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrWhiteSpace(claimed) || string.IsNullOrWhiteSpace(serviceUrl)
            || !string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationFailure.ServiceUrlMismatch;
        }

        // The channel that signed may only speak for the channels its key is endorsed for.
        return key.Endorses(channelId) ? AuthenticationFailure.None : AuthenticationFailure.ChannelNotEndorsed;
    }

    private AuthenticationFailure CheckEmulatorClaims(ClaimsIdentity identity)
    {
        // Entra v1 tokens name the calling app in "appid", v2 tokens in "azp"; no ver means v1.
        var version = identity.FindFirst("ver")?.Value;
        var appIdClaim = version switch
        {
            null or "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        var caller = appIdClaim is null ? null : identity.FindFirst(appIdClaim)?.Value;
        return caller is not null && string.Equals(caller, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase)
            ? AuthenticationFailure.None
            : AuthenticationFailure.InvalidAppId;
    }

    private static AuthenticationFailure Classify(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => AuthenticationFailure.Expired,
        SecurityTokenNotYetValidException => AuthenticationFailure.NotYetValid,
        SecurityTokenInvalidAudienceException => AuthenticationFailure.InvalidAudience,
        SecurityTokenInvalidIssuerException => AuthenticationFailure.UntrustedIssuer,
        SecurityTokenSignatureKeyNotFoundException => AuthenticationFailure.UnknownSigningKey,
        SecurityTokenInvalidSignatureException => AuthenticationFailure.InvalidSignature,
        SecurityTokenInvalidAlgorithmException => AuthenticationFailure.InvalidSignature,
        _ => AuthenticationFailure.MalformedToken,
    };
}
