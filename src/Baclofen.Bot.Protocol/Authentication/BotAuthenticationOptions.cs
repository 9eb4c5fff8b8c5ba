using System.Text.RegularExpressions;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// Bot identity and authentication settings. The four <c>Microsoft*</c> properties bind from ROOT
/// configuration keys (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
/// <c>MicrosoftAppTenantId</c>), so environment variables of those names work as Bot Framework users
/// expect; the URLs bind from the <c>BotFrameworkAuthentication</c> section.
/// </summary>
/// <remarks>
/// With no <see cref="MicrosoftAppId"/> the bot runs in <see cref="BotAuthenticationMode.Disabled"/>
/// mode: every inbound request is accepted anonymously and replies carry no token. That is only for a
/// local Emulator session; a deployed bot always has an app id.
/// </remarks>
public sealed partial class BotAuthenticationOptions
{
    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.MultiTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Bound from the <c>BotFrameworkAuthentication</c> section; the property name is the section name.</summary>
    public BotFrameworkEndpoints BotFrameworkAuthentication { get; set; } = new();

    public BotAuthenticationMode Mode =>
        string.IsNullOrWhiteSpace(MicrosoftAppId) ? BotAuthenticationMode.Disabled : BotAuthenticationMode.Enabled;

    public bool IsAuthenticationEnabled => Mode == BotAuthenticationMode.Enabled;

    /// <summary>The tenant whose token endpoint issues the bot's outbound tokens.</summary>
    public string TokenTenant =>
        MicrosoftAppType == MicrosoftAppType.SingleTenant ? MicrosoftAppTenantId!.Trim() : BotFrameworkEndpoints.BotFrameworkTenant;

    public Uri TokenEndpoint => new(BotFrameworkAuthentication.TokenEndpointTemplate.Replace("{tenant}", TokenTenant, StringComparison.Ordinal));

    /// <summary>
    /// Issuers accepted on Emulator tokens. A SingleTenant bot also accepts its own tenant's issuers, as the
    /// Bot Framework SDK does; the fixed Bot Framework tenants stay harmless there because a token must still
    /// name this app id as audience and as appid/azp, which only a tenant holding this app registration can issue.
    /// </summary>
    public IReadOnlyList<string> EmulatorIssuers
    {
        get
        {
            var issuers = new List<string>(BotFrameworkAuthentication.EmulatorIssuers ?? BotFrameworkEndpoints.DefaultEmulatorIssuers);
            if (MicrosoftAppType == MicrosoftAppType.SingleTenant && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
            {
                var templates = BotFrameworkAuthentication.SingleTenantEmulatorIssuerTemplates
                    ?? BotFrameworkEndpoints.DefaultSingleTenantEmulatorIssuerTemplates;
                issuers.AddRange(templates.Select(t => t.Replace("{tenant}", MicrosoftAppTenantId.Trim(), StringComparison.Ordinal)));
            }
            return issuers;
        }
    }

    /// <summary>
    /// Problems that must stop start-up. Messages name settings, never their values, so they are safe to log.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MicrosoftAppType == MicrosoftAppType.UserAssignedMSI)
        {
            errors.Add("MicrosoftAppType UserAssignedMSI is not supported; use MultiTenant or SingleTenant.");
        }

        if (!IsAuthenticationEnabled)
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            errors.Add("MicrosoftAppPassword is required when MicrosoftAppId is set.");
        }

        if (MicrosoftAppType == MicrosoftAppType.SingleTenant)
        {
            // The tenant is spliced into URLs and issuers, so only a GUID or a domain name is accepted.
            if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
            {
                errors.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
            }
            else if (!TenantPattern().IsMatch(MicrosoftAppTenantId.Trim()))
            {
                errors.Add("MicrosoftAppTenantId must be a tenant GUID or domain name.");
            }
        }

        var endpoints = BotFrameworkAuthentication;
        CheckUrl(errors, nameof(endpoints.OpenIdMetadataUrl), endpoints.OpenIdMetadataUrl);
        CheckUrl(errors, nameof(endpoints.EmulatorOpenIdMetadataUrl), endpoints.EmulatorOpenIdMetadataUrl);
        CheckUrl(errors, nameof(endpoints.TokenEndpointTemplate), endpoints.TokenEndpointTemplate.Replace("{tenant}", "t", StringComparison.Ordinal));
        if (string.IsNullOrWhiteSpace(endpoints.BotConnectorIssuer))
        {
            errors.Add("BotFrameworkAuthentication:BotConnectorIssuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(endpoints.Scope))
        {
            errors.Add("BotFrameworkAuthentication:Scope must not be empty.");
        }

        return errors;
    }

    /// <summary>Throws with every problem listed; call once at start-up.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid bot authentication settings: " + string.Join(" ", errors));
        }
    }

    private static void CheckUrl(List<string> errors, string name, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !SecureTransport.IsAllowed(uri))
        {
            errors.Add($"BotFrameworkAuthentication:{name} must be an absolute https URL (http only for loopback).");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$")]
    private static partial Regex TenantPattern();
}
