using System.Text.RegularExpressions;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>
/// Bot identity and authentication settings. The <c>Microsoft*</c> properties bind from ROOT configuration keys
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>,
/// <c>MicrosoftAppCertificate*</c>), so environment variables of those names work as Bot Framework users
/// expect; the URLs bind from the <c>BotFrameworkAuthentication</c> section.
/// </summary>
/// <remarks>
/// With no <see cref="MicrosoftAppId"/> the bot runs in <see cref="BotAuthenticationMode.Disabled"/>
/// mode: every inbound request is accepted anonymously and replies carry no token. That is only for a
/// local Emulator session; a deployed bot always has an app id, and exactly one credential: a client secret,
/// a certificate (file or store), or, with <see cref="MicrosoftAppType.UserAssignedMSI"/>, the managed identity.
/// </remarks>
public sealed partial class BotAuthenticationOptions
{
    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.MultiTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>A PFX (PKCS#12) or PEM file holding the app's certificate and private key.</summary>
    public string? MicrosoftAppCertificatePath { get; set; }

    /// <summary>Password of <see cref="MicrosoftAppCertificatePath"/> (PFX, or an encrypted PEM key), if it has one.</summary>
    public string? MicrosoftAppCertificatePassword { get; set; }

    /// <summary>SHA-1 thumbprint of the app's certificate in the CurrentUser/My store.</summary>
    public string? MicrosoftAppCertificateThumbprint { get; set; }

    /// <summary>Bound from the <c>BotFrameworkAuthentication</c> section; the property name is the section name.</summary>
    public BotFrameworkEndpoints BotFrameworkAuthentication { get; set; } = new();

    public BotAuthenticationMode Mode =>
        string.IsNullOrWhiteSpace(MicrosoftAppId) ? BotAuthenticationMode.Disabled : BotAuthenticationMode.Enabled;

    public bool IsAuthenticationEnabled => Mode == BotAuthenticationMode.Enabled;

    /// <summary>The credential that gets the bot's outbound tokens, from which settings are present.</summary>
    public BotCredentialKind CredentialKind =>
        MicrosoftAppType == MicrosoftAppType.UserAssignedMSI ? BotCredentialKind.ManagedIdentity
        : !string.IsNullOrWhiteSpace(MicrosoftAppCertificatePath) ? BotCredentialKind.CertificateFile
        : !string.IsNullOrWhiteSpace(MicrosoftAppCertificateThumbprint) ? BotCredentialKind.CertificateStore
        : BotCredentialKind.ClientSecret;

    // A user-assigned managed identity belongs to one tenant, as a SingleTenant app does.
    private bool IsTenantScoped => MicrosoftAppType is MicrosoftAppType.SingleTenant or MicrosoftAppType.UserAssignedMSI;

    /// <summary>The tenant whose token endpoint issues the bot's outbound tokens.</summary>
    public string TokenTenant =>
        IsTenantScoped ? MicrosoftAppTenantId!.Trim() : BotFrameworkEndpoints.BotFrameworkTenant;

    public Uri TokenEndpoint => new(BotFrameworkAuthentication.TokenEndpointTemplate.Replace("{tenant}", TokenTenant, StringComparison.Ordinal));

    /// <summary>The authority MSAL is given: the token endpoint without its <c>/oauth2/v2.0/token</c> tail, always
    /// https (MSAL speaks nothing else; a loopback http endpoint is reached by <see cref="MsalHttpClientFactory"/>).</summary>
    public Uri Authority
    {
        get
        {
            var endpoint = TokenEndpoint;
            var path = endpoint.AbsolutePath[..^BotFrameworkEndpoints.TokenPathSuffix.Length];
            return new UriBuilder(endpoint) { Scheme = Uri.UriSchemeHttps, Port = endpoint.IsDefaultPort ? -1 : endpoint.Port, Path = path, Query = "" }.Uri;
        }
    }

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
            if (IsTenantScoped && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
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
        if (!IsAuthenticationEnabled)
        {
            if (MicrosoftAppType == MicrosoftAppType.UserAssignedMSI)
            {
                errors.Add("MicrosoftAppId (the managed identity's client id) is required when MicrosoftAppType is UserAssignedMSI.");
            }
            return errors;
        }

        ValidateCredential(errors);

        if (IsTenantScoped)
        {
            // The tenant is spliced into URLs and issuers, so only a GUID or a domain name is accepted.
            if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
            {
                errors.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {MicrosoftAppType}.");
            }
            else if (!TenantPattern().IsMatch(MicrosoftAppTenantId.Trim()))
            {
                errors.Add("MicrosoftAppTenantId must be a tenant GUID or domain name.");
            }
        }

        var endpoints = BotFrameworkAuthentication;
        CheckUrl(errors, nameof(endpoints.OpenIdMetadataUrl), endpoints.OpenIdMetadataUrl);
        CheckUrl(errors, nameof(endpoints.EmulatorOpenIdMetadataUrl), endpoints.EmulatorOpenIdMetadataUrl);
        var tokenEndpoint = endpoints.TokenEndpointTemplate.Replace("{tenant}", "t", StringComparison.Ordinal);
        CheckUrl(errors, nameof(endpoints.TokenEndpointTemplate), tokenEndpoint);
        if (!tokenEndpoint.EndsWith(BotFrameworkEndpoints.TokenPathSuffix, StringComparison.Ordinal) || tokenEndpoint.Contains('?', StringComparison.Ordinal))
        {
            errors.Add($"BotFrameworkAuthentication:TokenEndpointTemplate must end with {BotFrameworkEndpoints.TokenPathSuffix} (an Entra ID authority's token endpoint).");
        }
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

    // Exactly one credential, complete: a half-configured one fails here, at start-up, not on the first reply.
    private void ValidateCredential(List<string> errors)
    {
        var hasSecret = !string.IsNullOrWhiteSpace(MicrosoftAppPassword);
        var hasPath = !string.IsNullOrWhiteSpace(MicrosoftAppCertificatePath);
        var hasThumbprint = !string.IsNullOrWhiteSpace(MicrosoftAppCertificateThumbprint);
        var count = (hasSecret ? 1 : 0) + (hasPath ? 1 : 0) + (hasThumbprint ? 1 : 0);

        if (MicrosoftAppType == MicrosoftAppType.UserAssignedMSI)
        {
            if (count > 0)
            {
                errors.Add("MicrosoftAppType UserAssignedMSI takes no MicrosoftAppPassword or MicrosoftAppCertificate*: the managed identity is the credential.");
            }
            return;
        }

        if (count == 0)
        {
            errors.Add("MicrosoftAppPassword is required when MicrosoftAppId is set (or MicrosoftAppCertificatePath, or MicrosoftAppCertificateThumbprint).");
        }
        else if (count > 1)
        {
            errors.Add("Set only one of MicrosoftAppPassword, MicrosoftAppCertificatePath and MicrosoftAppCertificateThumbprint.");
        }

        if (hasPath && !File.Exists(MicrosoftAppCertificatePath))
        {
            errors.Add("MicrosoftAppCertificatePath names no readable file.");
        }

        if (hasThumbprint && !ThumbprintPattern().IsMatch(MicrosoftAppCertificateThumbprint!.Trim()))
        {
            errors.Add("MicrosoftAppCertificateThumbprint must be the certificate's SHA-1 thumbprint (40 hex digits).");
        }

        if (!string.IsNullOrEmpty(MicrosoftAppCertificatePassword) && !hasPath)
        {
            errors.Add("MicrosoftAppCertificatePassword is set but MicrosoftAppCertificatePath is not.");
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

    [GeneratedRegex("^[0-9A-Fa-f]{40}$")]
    private static partial Regex ThumbprintPattern();
}
