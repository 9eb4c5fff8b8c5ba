using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot.TeamsPackage;

/// <summary>
/// What the package is built from, as configured: the bot's MicrosoftAppId at the root (as
/// Bot Framework users set it) and a "Teams" section. Unchecked; see <see cref="PackageValidator"/>.
/// </summary>
public sealed record TeamsPackageSettings
{
    public string? MicrosoftAppId { get; init; }
    public string? AppId { get; init; }
    public string? AppVersion { get; init; }
    public string? DeveloperName { get; init; }
    public string? WebsiteUrl { get; init; }
    public string? PrivacyUrl { get; init; }
    public string? TermsOfUseUrl { get; init; }
    public IReadOnlyList<string> ValidDomains { get; init; } = [];

    public static TeamsPackageSettings From(IConfiguration configuration)
    {
        var teams = configuration.GetSection("Teams");
        return new TeamsPackageSettings
        {
            MicrosoftAppId = configuration["MicrosoftAppId"],
            AppId = teams["AppId"],
            AppVersion = teams["AppVersion"],
            DeveloperName = teams["DeveloperName"],
            WebsiteUrl = teams["WebsiteUrl"],
            PrivacyUrl = teams["PrivacyUrl"],
            TermsOfUseUrl = teams["TermsOfUseUrl"],
            ValidDomains = Domains(teams.GetSection("ValidDomains")),
        };
    }

    // A JSON array in appsettings.json (or Teams__ValidDomains__0 ...), or one comma-separated
    // environment variable, which is easier to set in a pipeline.
    private static List<string> Domains(IConfigurationSection section)
    {
        var items = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (items.Count == 0 && !string.IsNullOrWhiteSpace(section.Value))
        {
            items = [.. section.Value.Split(',')];
        }

        return [.. items.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
