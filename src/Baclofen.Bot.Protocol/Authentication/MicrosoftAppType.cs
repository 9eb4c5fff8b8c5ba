namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>How the bot's Azure identity is registered; the names match the
/// <c>MicrosoftAppType</c> setting Bot Framework users already know.</summary>
public enum MicrosoftAppType
{
    /// <summary>App registration usable from any tenant; tokens come from the botframework.com tenant.</summary>
    MultiTenant,

    /// <summary>App registration in one tenant; tokens come from <c>MicrosoftAppTenantId</c>.</summary>
    SingleTenant,

    /// <summary>Managed identity. Recognised so configuration is explicit, but not supported here:
    /// validation rejects it at start-up rather than failing on the first reply.</summary>
    UserAssignedMSI,
}
