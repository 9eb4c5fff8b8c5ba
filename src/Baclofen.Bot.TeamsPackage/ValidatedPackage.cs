namespace Baclofen.Bot.TeamsPackage;

/// <summary>Settings that passed <see cref="PackageValidator"/>: every value is what the manifest schema accepts.</summary>
public sealed record ValidatedPackage(
    Guid AppId,
    Guid BotId,
    string Version,
    string DeveloperName,
    Uri WebsiteUrl,
    Uri PrivacyUrl,
    Uri TermsOfUseUrl,
    IReadOnlyList<string> ValidDomains);
