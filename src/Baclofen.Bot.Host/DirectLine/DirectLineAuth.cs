namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Who is calling: the bearer token's claims, or the error to answer with. A token opens only
/// the conversation it was issued for (403 elsewhere, like Direct Line); 403 is also what Web
/// Chat expects for an expired token, and it then refreshes or reconnects.
/// </summary>
public static class DirectLineAuth
{
    public static (DirectLineTokenClaims? Claims, IResult? Error) Authenticate(HttpContext context, DirectLineTokenService tokens, string? conversationId)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            return (null, DirectLineError.MissingToken());
        }

        var check = tokens.Check(header[scheme.Length..].Trim());
        switch (check.Status)
        {
            case TokenStatus.Invalid:
                return (null, DirectLineError.Result(StatusCodes.Status403Forbidden, "BadToken", "The token is not valid."));
            case TokenStatus.Expired:
                return (null, DirectLineError.Result(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired."));
        }

        var claims = check.Claims!;
        if (conversationId is not null && !string.Equals(conversationId, claims.ConversationId, StringComparison.Ordinal))
        {
            return (null, DirectLineError.Result(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation."));
        }

        return (claims, null);
    }
}
