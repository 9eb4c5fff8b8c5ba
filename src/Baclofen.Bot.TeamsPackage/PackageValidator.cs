using System.Text.RegularExpressions;

namespace Baclofen.Bot.TeamsPackage;

/// <summary>
/// Checks configuration against the manifest schema's rules before anything is written, so a
/// bad package fails here with the setting to fix rather than at upload with a schema error.
/// </summary>
public static partial class PackageValidator
{
    public const int DeveloperNameMax = 32;
    public const int UrlMax = 2048;
    public const int ValidDomainsMax = 16;

    public static (ValidatedPackage? Package, IReadOnlyList<string> Errors) Validate(TeamsPackageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();

        var botId = Guid.Empty;
        if (string.IsNullOrWhiteSpace(settings.MicrosoftAppId))
        {
            errors.Add("MicrosoftAppId is missing. Set it (appsettings.json or the MicrosoftAppId environment variable) to the bot's Microsoft Entra application (client) ID, a GUID such as 00000000-0000-0000-0000-000000000000.");
        }
        else if (!Guid.TryParseExact(settings.MicrosoftAppId.Trim(), "D", out botId) || botId == Guid.Empty)
        {
            errors.Add($"MicrosoftAppId '{settings.MicrosoftAppId}' is not a GUID. Teams needs the bot's Microsoft Entra application (client) ID, in the form 00000000-0000-0000-0000-000000000000.");
        }

        var appId = Guid.Empty;
        if (!string.IsNullOrWhiteSpace(settings.AppId)
            && (!Guid.TryParseExact(settings.AppId.Trim(), "D", out appId) || appId == Guid.Empty))
        {
            errors.Add($"Teams:AppId '{settings.AppId}' is not a GUID. Leave it empty to derive a stable id from MicrosoftAppId.");
        }

        var version = string.IsNullOrWhiteSpace(settings.AppVersion) ? "1.0.0" : settings.AppVersion.Trim();
        if (!SemVer().IsMatch(version))
        {
            errors.Add($"Teams:AppVersion '{settings.AppVersion}' must be MAJOR.MINOR.PATCH, e.g. 1.0.0.");
        }

        var developer = settings.DeveloperName?.Trim() ?? string.Empty;
        if (developer.Length == 0)
        {
            errors.Add("Teams:DeveloperName is missing: the name users see as the app's publisher.");
        }
        else if (developer.Length > DeveloperNameMax)
        {
            errors.Add($"Teams:DeveloperName is {developer.Length} characters; Teams allows at most {DeveloperNameMax}.");
        }

        var website = HttpsUrl("Teams:WebsiteUrl", settings.WebsiteUrl, errors);
        var privacy = HttpsUrl("Teams:PrivacyUrl", settings.PrivacyUrl, errors);
        var terms = HttpsUrl("Teams:TermsOfUseUrl", settings.TermsOfUseUrl, errors);

        if (settings.ValidDomains.Count > ValidDomainsMax)
        {
            errors.Add($"Teams:ValidDomains has {settings.ValidDomains.Count} entries; Teams allows at most {ValidDomainsMax}.");
        }

        foreach (var domain in settings.ValidDomains.Where(d => !Domain().IsMatch(d)))
        {
            errors.Add($"Teams:ValidDomains entry '{domain}' must be a host name such as bot.example.org or *.example.org, without https:// or a path.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var package = new ValidatedPackage(
            appId == Guid.Empty ? StableAppId.For(botId) : appId,
            botId,
            version,
            developer,
            website!,
            privacy!,
            terms!,
            settings.ValidDomains);
        return (package, []);
    }

    private static Uri? HttpsUrl(string key, string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is missing. Teams requires an https:// URL for it.");
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0
            || value.Length > UrlMax)
        {
            errors.Add($"{key} '{value}' is not an https:// URL. Teams requires https for the developer's website, privacy and terms pages.");
            return null;
        }

        return uri;
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(:[0-9]{1,5})?$")]
    private static partial Regex Domain();
}
