namespace Baclofen.Bot.Protocol.Authentication;

public sealed class OpenIdMetadataOptions
{
    /// <summary>Metadata and keys are refetched once they are this old, even if every kid is known (the spec asks
    /// for at least daily; key rollover adds new keys ahead of use).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Least time between two fetches triggered by unknown kids or failures, so a flood of tokens
    /// with made-up kids cannot turn into a flood of requests to the identity provider.</summary>
    public TimeSpan MinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
