using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>The signing keys of one JWKS document, by key id, and when they were fetched.</summary>
public sealed class SigningKeySet
{
    private readonly Dictionary<string, EndorsedSigningKey> _keys;

    public SigningKeySet(IEnumerable<EndorsedSigningKey> keys, DateTimeOffset fetchedAt)
    {
        _keys = new Dictionary<string, EndorsedSigningKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // First occurrence wins so a later duplicate kid cannot shadow a key already listed.
            _keys.TryAdd(key.KeyId, key);
        }
        FetchedAt = fetchedAt;
    }

    public DateTimeOffset FetchedAt { get; }

    public int Count => _keys.Count;

    public bool TryGet(string keyId, out EndorsedSigningKey key) => _keys.TryGetValue(keyId, out key!);

    /// <summary>
    /// Reads a JWKS document. Each key is parsed by Microsoft.IdentityModel's <see cref="JsonWebKey"/>;
    /// only the <c>endorsements</c> array, which that type does not model, is read here. Keys without a kid,
    /// non-RSA keys and keys meant for encryption are skipped: tokens name their key by kid and are RS256.
    /// </summary>
    public static SigningKeySet Parse(string jwksJson, DateTimeOffset fetchedAt)
    {
        using var document = JsonDocument.Parse(jwksJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The JWKS document has no keys array.");
        }

        var parsed = new List<EndorsedSigningKey>();
        foreach (var element in keys.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var jwk = new JsonWebKey(element.GetRawText());
            if (string.IsNullOrEmpty(jwk.Kid)
                || !string.Equals(jwk.Kty, JsonWebAlgorithmsKeyTypes.RSA, StringComparison.Ordinal)
                || (!string.IsNullOrEmpty(jwk.Use) && !string.Equals(jwk.Use, JsonWebKeyUseNames.Sig, StringComparison.Ordinal)))
            {
                continue;
            }

            parsed.Add(new EndorsedSigningKey(jwk.Kid, jwk, ReadEndorsements(element)));
        }

        return new SigningKeySet(parsed, fetchedAt);
    }

    private static IReadOnlySet<string> ReadEndorsements(JsonElement key)
    {
        var endorsements = new HashSet<string>(StringComparer.Ordinal);
        if (key.TryGetProperty("endorsements", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } channel)
                {
                    endorsements.Add(channel);
                }
            }
        }
        return endorsements;
    }
}
