namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>What proves the bot's identity when it asks for outbound tokens.</summary>
public enum BotCredentialKind
{
    /// <summary><c>MicrosoftAppPassword</c>.</summary>
    ClientSecret,

    /// <summary><c>MicrosoftAppCertificatePath</c> (PFX or PEM), with <c>MicrosoftAppCertificatePassword</c> if it has one.</summary>
    CertificateFile,

    /// <summary><c>MicrosoftAppCertificateThumbprint</c>, from the CurrentUser/My store.</summary>
    CertificateStore,

    /// <summary><c>MicrosoftAppType=UserAssignedMSI</c>: no secret, the Azure host vouches.</summary>
    ManagedIdentity,
}
