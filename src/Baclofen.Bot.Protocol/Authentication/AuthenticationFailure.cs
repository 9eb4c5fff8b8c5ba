namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>Why an inbound request was refused. Every value means "answer 401"; the value is for logs and
/// tests, never for the response body (a caller learns nothing about which check failed).</summary>
public enum AuthenticationFailure
{
    None,
    MissingAuthorizationHeader,
    UnsupportedScheme,
    MalformedToken,
    UntrustedIssuer,
    UnknownSigningKey,
    InvalidSignature,
    Expired,
    NotYetValid,
    InvalidAudience,
    /// <summary>Emulator token whose appid (v1) / azp (v2) is not this bot, or whose ver is unknown.</summary>
    InvalidAppId,
    /// <summary>Bot Connector token whose serviceurl claim differs from the activity's serviceUrl.</summary>
    ServiceUrlMismatch,
    /// <summary>The signing key is not endorsed for the activity's channelId (or the channelId is missing).</summary>
    ChannelNotEndorsed,
    /// <summary>Signing keys could not be fetched and none are cached. Still 401 to the caller, but worth an
    /// operational alert: every request fails until the metadata endpoint is reachable.</summary>
    SigningKeysUnavailable,
    /// <summary>Anonymous mode (no app id) and the client is not on this machine.</summary>
    NotLocalClient,
    /// <summary>Anonymous mode (no app id) and the activity's serviceUrl is not on this machine.</summary>
    NotLocalServiceUrl,
}
