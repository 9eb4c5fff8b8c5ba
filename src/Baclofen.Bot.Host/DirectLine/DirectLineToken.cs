namespace Baclofen.Bot.Host.DirectLine;

/// <summary>What a valid token grants: one conversation, as one user, until it expires.</summary>
public sealed record DirectLineTokenClaims(string ConversationId, string UserId, DateTimeOffset ExpiresAt);

/// <summary>A freshly signed token and its lifetime in whole seconds (Direct Line's expires_in).</summary>
public sealed record IssuedToken(string Token, DirectLineTokenClaims Claims, int ExpiresIn);

public enum TokenStatus
{
    Valid,
    Expired,
    Invalid,
}

public sealed record TokenCheck(TokenStatus Status, DirectLineTokenClaims? Claims);
