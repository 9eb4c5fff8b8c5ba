using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>An RSA key generated for the test, published as a JWK (optionally with endorsements).</summary>
public sealed class TestSigningKey(string keyId, params string[] endorsements) : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string KeyId { get; } = keyId;

    public string[] Endorsements { get; } = endorsements;

    public SigningCredentials Credentials => new(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    /// <summary>Credentials that claim this key's kid but sign with another key: a forged signature.</summary>
    public SigningCredentials ForgedCredentials => new(new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    public Dictionary<string, object> Jwk(bool withEndorsements)
    {
        var p = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (withEndorsements)
        {
            jwk["endorsements"] = Endorsements;
        }
        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
