using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>An RSA key generated for the test, published as a JWK (optionally with endorsements).
/// Key material is generated once per kid per test run: 2048-bit generation dominates test time otherwise.</summary>
public sealed class TestSigningKey(string keyId, params string[] endorsements) : IDisposable
{
    private static readonly ConcurrentDictionary<string, RSA> Material = new(StringComparer.Ordinal);
    private static readonly Lazy<RSA> Forger = new(() => RSA.Create(2048));

    private readonly RSA _rsa = Material.GetOrAdd(keyId, _ => RSA.Create(2048));

    public string KeyId { get; } = keyId;

    public string[] Endorsements { get; } = endorsements;

    public SigningCredentials Credentials => new(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    /// <summary>Credentials that claim this key's kid but sign with another key: a forged signature.</summary>
    public SigningCredentials ForgedCredentials => new(new RsaSecurityKey(Forger.Value) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    /// <summary>Credentials with this key's material under another kid.</summary>
    public SigningCredentials CredentialsAs(string otherKeyId) => new(new RsaSecurityKey(_rsa) { KeyId = otherKeyId }, SecurityAlgorithms.RsaSha256);

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

    public void Dispose()
    {
        // Shared material stays alive for other tests; nothing to release per instance.
    }
}
