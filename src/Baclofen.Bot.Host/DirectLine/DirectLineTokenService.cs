using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Baclofen.Bot.Host.Widget;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens as HS256 JWTs. The JWT shape matters: Web Chat reads
/// the <c>user</c> claim from the token and uses it as the user id, which is how a server-made
/// <c>dl_</c> id reaches the client without the client being able to choose it.
/// </summary>
public sealed class DirectLineTokenService(TokenSigningKey key, IOptions<WidgetOptions> options, TimeProvider time)
{
    public const string Issuer = "baclofen-bot/directline";
    private const int MaxTokenLength = 4096;
    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public TimeSpan Lifetime => TimeSpan.FromMinutes(Math.Max(1, options.Value.TokenLifetimeMinutes));

    public IssuedToken Issue(string conversationId, string userId)
    {
        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        var payload = new Payload(Issuer, conversationId, userId, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds());
        var signingInput = EncodedHeader + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        var token = signingInput + "." + Base64Url.EncodeToString(Sign(signingInput));
        var claims = new DirectLineTokenClaims(conversationId, userId, DateTimeOffset.FromUnixTimeSeconds(payload.Exp));
        return new IssuedToken(token, claims, (int)Lifetime.TotalSeconds);
    }

    public TokenCheck Check(string? token)
    {
        var claims = Read(token);
        if (claims is null)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }

        return claims.ExpiresAt <= time.GetUtcNow()
            ? new TokenCheck(TokenStatus.Expired, claims)
            : new TokenCheck(TokenStatus.Valid, claims);
    }

    /// <summary>Seconds until the token expires, as Direct Line reports it when a token is reused.</summary>
    public int SecondsLeft(DirectLineTokenClaims claims) =>
        (int)Math.Max(0, (claims.ExpiresAt - time.GetUtcNow()).TotalSeconds);

    private DirectLineTokenClaims? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != EncodedHeader)
        {
            return null;
        }

        if (!Base64Url.IsValid(parts[2]) || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }

        var expected = Sign(parts[0] + "." + parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
        {
            return null;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(parts[1]));
        }
        catch (JsonException)
        {
            return null;
        }

        if (payload is null || payload.Iss != Issuer || string.IsNullOrEmpty(payload.Conv) || string.IsNullOrEmpty(payload.User))
        {
            return null;
        }

        return new DirectLineTokenClaims(payload.Conv, payload.User, DateTimeOffset.FromUnixTimeSeconds(payload.Exp));
    }

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(signingInput));

    private sealed record Payload(
        [property: JsonPropertyName("iss")] string? Iss,
        [property: JsonPropertyName("conv")] string? Conv,
        [property: JsonPropertyName("user")] string? User,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp);
}
