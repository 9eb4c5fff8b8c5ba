using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// Lifetime check for <see cref="TokenValidationParameters.LifetimeValidator"/> that reads the clock from a
/// <see cref="TimeProvider"/> (the library reads the system clock), so expiry is testable without sleeping.
/// Throws the library's own exception types so callers can tell expired from not-yet-valid.
/// </summary>
internal static class TokenLifetime
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static LifetimeValidator Validator(TimeProvider time) => (notBefore, expires, _, _) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }
        if (notBefore is { } nbf && nbf.ToUniversalTime() > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = nbf };
        }
        if (expires.Value.ToUniversalTime() < now - ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }
        return true;
    };
}
