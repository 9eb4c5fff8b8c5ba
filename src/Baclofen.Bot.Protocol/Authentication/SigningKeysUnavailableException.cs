namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>OpenID metadata or its JWKS could not be fetched or read, and no keys were cached.</summary>
public sealed class SigningKeysUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner);
