using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>A JWKS signing key with the channel ids it is endorsed for (the Bot Connector JWKS adds an
/// <c>endorsements</c> array to each key; Entra keys have none, so the set is empty).</summary>
public sealed record EndorsedSigningKey(string KeyId, SecurityKey Key, IReadOnlySet<string> Endorsements)
{
    public bool Endorses(string? channelId) =>
        !string.IsNullOrWhiteSpace(channelId) && Endorsements.Contains(channelId);
}
