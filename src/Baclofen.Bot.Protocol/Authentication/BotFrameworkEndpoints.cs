namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// The URLs of the Bot Framework authentication specification. Every one has the spec's public-cloud
/// default and can be overridden under the configuration section <c>BotFrameworkAuthentication</c>
/// (sovereign clouds, or a loopback identity provider in tests).
/// </summary>
public sealed class BotFrameworkEndpoints
{
    /// <summary>Configuration section that holds these URLs.</summary>
    public const string SectionName = "BotFrameworkAuthentication";

    public const string BotFrameworkTenant = "botframework.com";

    /// <summary>How an Entra ID token endpoint ends; what precedes it is the authority MSAL is given.</summary>
    public const string TokenPathSuffix = "/oauth2/v2.0/token";

    /// <summary>OpenID metadata whose JWKS signs Bot Connector service tokens (keys carry <c>endorsements</c>).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuer of Bot Connector service tokens.</summary>
    public string BotConnectorIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>OpenID metadata whose JWKS signs Emulator (Entra ID) tokens.</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>The spec's Emulator issuers: Entra v1 and v2 forms of the two Bot Framework tenants.</summary>
    public static IReadOnlyList<string> DefaultEmulatorIssuers { get; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    /// <summary>Tenant-scoped Emulator issuers of a SingleTenant bot; <c>{tenant}</c> is <c>MicrosoftAppTenantId</c>.</summary>
    public static IReadOnlyList<string> DefaultSingleTenantEmulatorIssuerTemplates { get; } =
    [
        "https://sts.windows.net/{tenant}/",
        "https://login.microsoftonline.com/{tenant}/v2.0",
    ];

    /// <summary>Overrides <see cref="DefaultEmulatorIssuers"/> when set. Null (not an empty default list)
    /// because configuration binding appends to an existing list instead of replacing it.</summary>
    public string[]? EmulatorIssuers { get; set; }

    /// <summary>Overrides <see cref="DefaultSingleTenantEmulatorIssuerTemplates"/> when set.</summary>
    public string[]? SingleTenantEmulatorIssuerTemplates { get; set; }

    /// <summary>Token endpoint of the bot's outbound tokens (MSAL's authority is this without <see cref="TokenPathSuffix"/>);
    /// <c>{tenant}</c> is botframework.com for MultiTenant, <c>MicrosoftAppTenantId</c> for SingleTenant. Not used
    /// with UserAssignedMSI (the managed identity endpoint issues those tokens).</summary>
    public string TokenEndpointTemplate { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    /// <summary>Scope requested for tokens the bot sends to the Bot Connector service (for a managed identity,
    /// the resource: this without <c>/.default</c>).</summary>
    public string Scope { get; set; } = "https://api.botframework.com/.default";
}
