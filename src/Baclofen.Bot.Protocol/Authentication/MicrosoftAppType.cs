namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>How the bot's Azure identity is registered; the names match the
/// <c>MicrosoftAppType</c> setting Bot Framework users already know.</summary>
public enum MicrosoftAppType
{
    /// <summary>App registration usable from any tenant; tokens come from the botframework.com tenant.</summary>
    MultiTenant,

    /// <summary>App registration in one tenant; tokens come from <c>MicrosoftAppTenantId</c>.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity: <c>MicrosoftAppId</c> is its client id, <c>MicrosoftAppTenantId</c>
    /// its tenant; outbound tokens come from the Azure host's managed identity endpoint, no secret is configured.</summary>
    UserAssignedMSI,
}
