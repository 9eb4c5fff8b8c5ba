using Baclofen.Bot.Protocol.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

public sealed class BotAuthenticationOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static BotAuthenticationOptions Bind(IConfiguration configuration)
    {
        var options = new BotAuthenticationOptions();
        configuration.Bind(options);
        return options;
    }

    [Fact]
    public void Microsoft_keys_bind_from_the_configuration_root_and_urls_from_their_section()
    {
        var options = Bind(Config(
            ("MicrosoftAppType", "SingleTenant"),
            ("MicrosoftAppId", AuthHarness.AppId),
            ("MicrosoftAppPassword", "pw"),
            ("MicrosoftAppTenantId", AuthHarness.TenantId),
            ("BotFrameworkAuthentication:OpenIdMetadataUrl", "https://example.test/openid")));

        Assert.Equal(MicrosoftAppType.SingleTenant, options.MicrosoftAppType);
        Assert.Equal(AuthHarness.AppId, options.MicrosoftAppId);
        Assert.Equal("https://example.test/openid", options.BotFrameworkAuthentication.OpenIdMetadataUrl);
        Assert.Equal(new Uri($"https://login.microsoftonline.com/{AuthHarness.TenantId}/oauth2/v2.0/token"), options.TokenEndpoint);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Defaults_are_the_specifications_public_cloud_endpoints()
    {
        var options = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppPassword = "y" };
        var endpoints = options.BotFrameworkAuthentication;

        Assert.Equal(MicrosoftAppType.MultiTenant, options.MicrosoftAppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", endpoints.OpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", endpoints.BotConnectorIssuer);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration", endpoints.EmulatorOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com/.default", endpoints.Scope);
        Assert.Equal(new Uri("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"), options.TokenEndpoint);
        Assert.Equal(4, options.EmulatorIssuers.Count);
    }

    [Fact]
    public void Configured_emulator_issuers_replace_the_defaults_instead_of_adding_to_them()
    {
        var options = Bind(Config(("BotFrameworkAuthentication:EmulatorIssuers:0", "https://issuer.test/")));

        Assert.Equal(["https://issuer.test/"], options.EmulatorIssuers);
    }

    [Fact]
    public void No_app_id_is_the_explicit_disabled_mode_and_is_valid()
    {
        var options = Bind(Config(("MicrosoftAppId", "")));

        Assert.Equal(BotAuthenticationMode.Disabled, options.Mode);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void A_user_assigned_managed_identity_needs_its_client_id_and_tenant_and_no_secret()
    {
        var complete = new BotAuthenticationOptions { MicrosoftAppType = MicrosoftAppType.UserAssignedMSI, MicrosoftAppId = "x", MicrosoftAppTenantId = "contoso.com" };
        var noAppId = new BotAuthenticationOptions { MicrosoftAppType = MicrosoftAppType.UserAssignedMSI, MicrosoftAppTenantId = "contoso.com" };
        var noTenant = new BotAuthenticationOptions { MicrosoftAppType = MicrosoftAppType.UserAssignedMSI, MicrosoftAppId = "x" };
        var withSecret = new BotAuthenticationOptions
        {
            MicrosoftAppType = MicrosoftAppType.UserAssignedMSI, MicrosoftAppId = "x", MicrosoftAppTenantId = "contoso.com", MicrosoftAppPassword = "y",
        };

        Assert.Empty(complete.Validate());
        Assert.Equal(BotCredentialKind.ManagedIdentity, complete.CredentialKind);
        Assert.Contains(noAppId.Validate(), e => e.Contains("MicrosoftAppId") && e.Contains("UserAssignedMSI"));
        Assert.Contains(noTenant.Validate(), e => e.Contains("MicrosoftAppTenantId") && e.Contains("UserAssignedMSI"));
        Assert.Contains(withSecret.Validate(), e => e.Contains("MicrosoftAppPassword"));
    }

    [Fact]
    public void A_certificate_path_that_does_not_exist_is_refused_at_start_up()
    {
        var options = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppCertificatePath = "/no/such/folder/bot.pfx" };

        var ex = Assert.Throws<InvalidOperationException>(options.EnsureValid);

        Assert.Contains("MicrosoftAppCertificatePath", ex.Message);
        Assert.DoesNotContain("/no/such/folder", ex.Message);
    }

    [Fact]
    public void Only_one_credential_may_be_configured_and_a_thumbprint_must_look_like_one()
    {
        var two = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppPassword = "y", MicrosoftAppCertificateThumbprint = new string('A', 40) };
        var badThumbprint = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppCertificateThumbprint = "not-a-thumbprint" };
        var passwordWithoutPath = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppPassword = "y", MicrosoftAppCertificatePassword = "z" };
        var thumbprint = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppCertificateThumbprint = new string('a', 40) };

        Assert.Contains(two.Validate(), e => e.Contains("only one"));
        Assert.Contains(badThumbprint.Validate(), e => e.Contains("MicrosoftAppCertificateThumbprint"));
        Assert.Contains(passwordWithoutPath.Validate(), e => e.Contains("MicrosoftAppCertificatePassword"));
        Assert.Empty(thumbprint.Validate());
        Assert.Equal(BotCredentialKind.CertificateStore, thumbprint.CredentialKind);
    }

    [Fact]
    public void The_msal_authority_is_the_token_endpoint_without_its_tail_and_always_https()
    {
        var cloud = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppPassword = "y" };
        var loopback = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppPassword = "y" };
        loopback.BotFrameworkAuthentication.TokenEndpointTemplate = "http://127.0.0.1:5001/{tenant}/oauth2/v2.0/token";
        var elsewhere = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppPassword = "y" };
        elsewhere.BotFrameworkAuthentication.TokenEndpointTemplate = "https://login.example/{tenant}/token";

        Assert.Equal("https://login.microsoftonline.com/botframework.com", cloud.Authority.AbsoluteUri);
        Assert.Equal("https://127.0.0.1:5001/botframework.com", loopback.Authority.AbsoluteUri);
        Assert.Contains(elsewhere.Validate(), e => e.Contains("TokenEndpointTemplate"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tenant/../evil")]
    public void Single_tenant_needs_a_plain_tenant_id(string? tenant)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppType = MicrosoftAppType.SingleTenant, MicrosoftAppId = "x", MicrosoftAppPassword = "y", MicrosoftAppTenantId = tenant,
        };

        Assert.Contains(options.Validate(), e => e.Contains("MicrosoftAppTenantId"));
    }

    [Fact]
    public void App_id_without_a_password_is_invalid_and_the_message_does_not_echo_values()
    {
        var options = new BotAuthenticationOptions { MicrosoftAppId = "secret-looking-id" };

        var ex = Assert.Throws<InvalidOperationException>(options.EnsureValid);

        Assert.Contains("MicrosoftAppPassword", ex.Message);
        Assert.DoesNotContain("secret-looking-id", ex.Message);
    }

    [Fact]
    public void Plain_http_metadata_is_refused_unless_it_is_loopback()
    {
        var remote = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppPassword = "y" };
        remote.BotFrameworkAuthentication.OpenIdMetadataUrl = "http://login.example/openid";
        var loopback = new BotAuthenticationOptions { MicrosoftAppId = "x", MicrosoftAppPassword = "y" };
        loopback.BotFrameworkAuthentication.OpenIdMetadataUrl = "http://127.0.0.1:5000/openid";

        Assert.Contains(remote.Validate(), e => e.Contains("OpenIdMetadataUrl"));
        Assert.Empty(loopback.Validate());
    }

    [Fact]
    public void Service_registration_resolves_every_piece_from_root_configuration()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddBotFrameworkAuthentication(Config(("MicrosoftAppId", AuthHarness.AppId), ("MicrosoftAppPassword", "pw")));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(BotAuthenticationMode.Enabled, provider.GetRequiredService<BotFrameworkAuthenticator>().Mode);
        Assert.NotNull(provider.GetRequiredService<IBotTokenProvider>());
        Assert.NotNull(provider.GetRequiredService<ConnectorAuthorizationHandler>());
        Assert.Same(provider.GetRequiredService<TrustedServiceUrls>(), provider.GetRequiredService<TrustedServiceUrls>());
    }

    [Fact]
    public void Service_registration_fails_validation_for_a_half_configured_managed_identity()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddBotFrameworkAuthentication(Config(("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppId", "x")));
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);
    }
}
