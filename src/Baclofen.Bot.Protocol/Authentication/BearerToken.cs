namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>Splits an Authorization header into scheme and credentials; only "Bearer" is accepted.</summary>
internal static class BearerToken
{
    public static AuthenticationFailure TryExtract(string? authorizationHeader, out string token)
    {
        token = string.Empty;
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return AuthenticationFailure.MissingAuthorizationHeader;
        }

        var header = authorizationHeader.Trim();
        var space = header.IndexOf(' ');
        var scheme = space < 0 ? header : header[..space];
        if (!string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationFailure.UnsupportedScheme;
        }

        token = space < 0 ? string.Empty : header[(space + 1)..].Trim();
        return token.Length == 0 || token.Contains(' ') ? AuthenticationFailure.MalformedToken : AuthenticationFailure.None;
    }
}
