using System.Security.Claims;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>Outcome of <see cref="BotFrameworkAuthenticator.AuthenticateAsync"/>: an identity, or the reason
/// for a 401.</summary>
public sealed class AuthenticationResult
{
    private AuthenticationResult(ClaimsIdentity? identity, TokenSource source, AuthenticationFailure failure)
    {
        Identity = identity;
        Source = source;
        Failure = failure;
    }

    public bool Succeeded => Failure == AuthenticationFailure.None;

    /// <summary>The validated token's claims on success (unauthenticated and empty in anonymous mode); null on failure.</summary>
    public ClaimsIdentity? Identity { get; }

    public TokenSource Source { get; }

    public AuthenticationFailure Failure { get; }

    public static AuthenticationResult Anonymous() => new(new ClaimsIdentity(), TokenSource.Anonymous, AuthenticationFailure.None);

    public static AuthenticationResult Success(ClaimsIdentity identity, TokenSource source) =>
        new(identity ?? throw new ArgumentNullException(nameof(identity)), source, AuthenticationFailure.None);

    public static AuthenticationResult Fail(AuthenticationFailure failure, TokenSource source = TokenSource.Anonymous) =>
        failure == AuthenticationFailure.None
            ? throw new ArgumentException("A failure needs a reason.", nameof(failure))
            : new(null, source, failure);

    public override string ToString() => Succeeded ? $"Succeeded ({Source})" : $"Failed ({Failure})";
}
