using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Baclofen.Bot.Protocol.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>Outbound tokens with a certificate (a self-signed one made here): MSAL signs a client assertion
/// with it, and the loopback token endpoint gets no secret.</summary>
public sealed class CertificateCredentialTests : IAsyncLifetime
{
    private const string Password = "pfx-password-not-real";
    private readonly string _folder = Directory.CreateTempSubdirectory("baclofen-cert-").FullName;
    private readonly X509Certificate2 _certificate = SelfSigned();
    private readonly List<IDisposable> _disposables = [];
    private TokenEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await TokenEndpoint.StartAsync();

    public async Task DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        _disposables.ForEach(d => d.Dispose());
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=baclofen-bot-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Round-trip through PKCS#12 so the key is exportable and usable on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12, Password), Password, X509KeyStorageFlags.Exportable);
    }

    private BotAuthenticationOptions Options(string? path = null, string? password = null, string? thumbprint = null) => new()
    {
        MicrosoftAppId = AuthHarness.AppId,
        MicrosoftAppCertificatePath = path,
        MicrosoftAppCertificatePassword = password,
        MicrosoftAppCertificateThumbprint = thumbprint,
        BotFrameworkAuthentication = new BotFrameworkEndpoints { TokenEndpointTemplate = _endpoint.Template },
    };

    private async Task<string?> TokenAsync(BotAuthenticationOptions options)
    {
        var http = new MsalHttpClientFactory(options);
        _disposables.Add(http);
        return await new MsalTokenProvider(options, http).GetTokenAsync(CancellationToken.None);
    }

    private async Task AssertSignedWithTheCertificateAsync()
    {
        var form = Assert.Single(_endpoint.Forms);
        Assert.False(form.ContainsKey("client_secret"));
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        using var publicOnly = X509CertificateLoader.LoadCertificate(_certificate.Export(X509ContentType.Cert));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"], new TokenValidationParameters
        {
            IssuerSigningKey = new X509SecurityKey(publicOnly),
            ValidIssuer = AuthHarness.AppId,
            ValidateAudience = false,
            ValidateLifetime = true,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(AuthHarness.AppId, result.Claims["sub"]);
        Assert.EndsWith("/botframework.com/oauth2/v2.0/token", (string)result.Claims["aud"]);
    }

    [Fact]
    public async Task A_password_protected_pfx_file_signs_the_client_assertion()
    {
        var path = Path.Combine(_folder, "bot.pfx");
        await File.WriteAllBytesAsync(path, _certificate.Export(X509ContentType.Pkcs12, Password));

        var token = await TokenAsync(Options(path, Password));

        Assert.Equal("token-1", token);
        await AssertSignedWithTheCertificateAsync();
    }

    [Fact]
    public async Task A_pem_file_with_certificate_and_key_signs_the_client_assertion()
    {
        var path = Path.Combine(_folder, "bot.pem");
        using var key = _certificate.GetRSAPrivateKey()!;
        await File.WriteAllTextAsync(path, _certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());

        var token = await TokenAsync(Options(path));

        Assert.Equal("token-1", token);
        await AssertSignedWithTheCertificateAsync();
    }

    [Fact]
    public async Task A_thumbprint_finds_the_certificate_in_the_current_user_store()
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(_certificate);
        try
        {
            var token = await TokenAsync(Options(thumbprint: _certificate.Thumbprint));

            Assert.Equal("token-1", token);
            await AssertSignedWithTheCertificateAsync();
        }
        finally
        {
            store.Remove(_certificate);
        }
    }

    [Fact]
    public async Task A_wrong_pfx_password_is_a_token_request_failure_that_does_not_quote_the_password()
    {
        var path = Path.Combine(_folder, "bot.pfx");
        await File.WriteAllBytesAsync(path, _certificate.Export(X509ContentType.Pkcs12, Password));

        var ex = await Assert.ThrowsAsync<BotTokenRequestException>(() => TokenAsync(Options(path, "wrong-password-not-real")));

        Assert.Contains("MicrosoftAppCertificatePath", ex.Message);
        Assert.DoesNotContain("wrong-password-not-real", ex.ToString());
        Assert.Equal(0, _endpoint.Requests);
    }
}
