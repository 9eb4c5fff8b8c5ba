using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// The Bot Framework part of a JWKS: each Bot Connector key carries an <c>endorsements</c> array naming the
/// channels it may speak for. <see cref="JsonWebKey"/> does not model it, so it is read from
/// <see cref="JsonWebKey.AdditionalData"/>; Entra keys have none.
/// </summary>
public static class ChannelEndorsements
{
    public const string PropertyName = "endorsements";

    /// <summary>The usable signing keys of a configuration's JWKS by kid. Keys without a kid, non-RSA keys and
    /// keys meant for encryption are skipped (tokens name their key by kid and are RS256); for a kid listed
    /// twice the first wins, so a later duplicate cannot shadow a key already listed.</summary>
    public static IReadOnlyDictionary<string, EndorsedSigningKey> SigningKeys(OpenIdConnectConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var keys = configuration.JsonWebKeySet?.Keys
            ?? throw new SigningKeysUnavailableException("The OpenID metadata names no jwks_uri, or its JWKS has no keys array.");
        var byKid = new Dictionary<string, EndorsedSigningKey>(StringComparer.Ordinal);
        foreach (var jwk in keys)
        {
            if (string.IsNullOrEmpty(jwk.Kid)
                || !string.Equals(jwk.Kty, JsonWebAlgorithmsKeyTypes.RSA, StringComparison.Ordinal)
                || (!string.IsNullOrEmpty(jwk.Use) && !string.Equals(jwk.Use, JsonWebKeyUseNames.Sig, StringComparison.Ordinal)))
            {
                continue;
            }
            byKid.TryAdd(jwk.Kid, new EndorsedSigningKey(jwk.Kid, jwk, Read(jwk)));
        }
        return byKid;
    }

    /// <summary>The channel ids in a key's <c>endorsements</c> array; empty when it has none.</summary>
    public static IReadOnlySet<string> Read(JsonWebKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var endorsements = new HashSet<string>(StringComparer.Ordinal);
        if (!key.AdditionalData.TryGetValue(PropertyName, out var value))
        {
            return endorsements;
        }

        // The library keeps unknown members as JSON elements or as lists of CLR values, depending on version.
        IEnumerable<object?> items = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => (object?)e),
            IEnumerable<object?> list when value is not string => list,
            _ => [],
        };
        foreach (var item in items)
        {
            var channel = item switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                _ => null,
            };
            if (!string.IsNullOrEmpty(channel))
            {
                endorsements.Add(channel);
            }
        }
        return endorsements;
    }
}
