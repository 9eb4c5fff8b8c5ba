using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>Loads the app's certificate, with its private key, from <c>MicrosoftAppCertificatePath</c> (PFX or PEM)
/// or from the CurrentUser/My store by <c>MicrosoftAppCertificateThumbprint</c>. Failures name the setting, never
/// the password.</summary>
public static class BotCertificate
{
    public static X509Certificate2 Load(BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var certificate = options.CredentialKind switch
        {
            BotCredentialKind.CertificateFile => FromFile(options.MicrosoftAppCertificatePath!.Trim(), options.MicrosoftAppCertificatePassword),
            BotCredentialKind.CertificateStore => FromStore(options.MicrosoftAppCertificateThumbprint!.Trim()),
            _ => throw new InvalidOperationException("No certificate is configured."),
        };

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new BotTokenRequestException("The configured certificate has no private key; the bot cannot sign its token requests with it.");
        }
        return certificate;
    }

    private static X509Certificate2 FromFile(string path, string? password)
    {
        try
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                // A PEM file holding the certificate and its (optionally encrypted) private key.
                return string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password);
            }
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The inner exception is left out: it can quote the file's path and contents, never needed to act.
            throw new BotTokenRequestException($"MicrosoftAppCertificatePath could not be loaded ({ex.GetType().Name}): check the file and MicrosoftAppCertificatePassword.");
        }
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
        try
        {
            return found.Count > 0
                ? new X509Certificate2(found[0])
                : throw new BotTokenRequestException("No certificate with MicrosoftAppCertificateThumbprint is in the CurrentUser/My store.");
        }
        finally
        {
            foreach (var certificate in found)
            {
                certificate.Dispose();
            }
        }
    }
}
