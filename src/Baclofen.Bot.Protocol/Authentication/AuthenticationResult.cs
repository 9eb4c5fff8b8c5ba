using System.Security.Claims;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>Outcome of <see cref="BotFrameworkAuthenticator.ValidateTokenAsync"/> and
/// <see cref="BotFrameworkAuthenticator.AuthorizeActivity"/>: an identity, or the reason for a 401.</summary>
public sealed class AuthenticationResult
{
    private AuthenticationResult(ClaimsIdentity? identity, TokenSource source, AuthenticationFailure failure, EndorsedSigningKey? signingKey = null)
    {
        Identity = identity;
        Source = source;
        Failure = failure;
        SigningKey = signingKey;
    }

    public bool Succeeded => Failure == AuthenticationFailure.None;

    /// <summary>The validated token's claims on success (unauthenticated and empty in anonymous mode); null on failure.</summary>
    public ClaimsIdentity? Identity { get; }

    public TokenSource Source { get; }

    /// <summary>The key that signed a validated token: its endorsements decide which channels it may speak for.</summary>
    public EndorsedSigningKey? SigningKey { get; }

    public AuthenticationFailure Failure { get; }

    public static AuthenticationResult Anonymous() => new(new ClaimsIdentity(), TokenSource.Anonymous, AuthenticationFailure.None);

    public static AuthenticationResult Success(ClaimsIdentity identity, TokenSource source, EndorsedSigningKey? signingKey = null) =>
        new(identity ?? throw new ArgumentNullException(nameof(identity)), source, AuthenticationFailure.None, signingKey);

    public static AuthenticationResult Fail(AuthenticationFailure failure, TokenSource source = TokenSource.Anonymous) =>
        failure == AuthenticationFailure.None
            ? throw new ArgumentException("A failure needs a reason.", nameof(failure))
            : new(null, source, failure);

    public override string ToString() => Succeeded ? $"Succeeded ({Source})" : $"Failed ({Failure})";
}
