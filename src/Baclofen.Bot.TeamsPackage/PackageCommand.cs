using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot.TeamsPackage;

/// <summary>
/// <c>dotnet run --project src/Baclofen.Bot.TeamsPackage -- [--output PATH] [--settings PATH]</c>.
/// Reads the root appsettings.json, then environment variables (MicrosoftAppId,
/// Teams__DeveloperName, ...), validates, and writes the zip. Exit codes: 0 written,
/// 1 configuration refused, 2 bad command line.
/// </summary>
public static class PackageCommand
{
    public const int Ok = 0;
    public const int InvalidConfiguration = 1;
    public const int UsageError = 2;
    public const string DefaultOutput = "artifacts/teams/baclofen-bot.zip";

    private const string Usage =
        "Usage: Baclofen.Bot.TeamsPackage [--output PATH] [--settings PATH]\n" +
        "  --output    where to write the zip (default: artifacts/teams/baclofen-bot.zip)\n" +
        "  --settings  the appsettings.json to read (default: the one beside Baclofen.Bot.sln)\n" +
        "Settings: MicrosoftAppId, Teams:AppId, Teams:AppVersion, Teams:DeveloperName, Teams:WebsiteUrl,\n" +
        "Teams:PrivacyUrl, Teams:TermsOfUseUrl, Teams:ValidDomains; environment variables override\n" +
        "(MicrosoftAppId, Teams__DeveloperName, Teams__ValidDomains=a.example.org,b.example.org, ...).";

    /// <param name="overrides">Applied after environment variables; lets tests stay out of the process environment.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? outputPath = null, settingsPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--output" or "-o" when i + 1 < args.Length:
                    outputPath = args[++i];
                    break;
                case "--settings" when i + 1 < args.Length:
                    settingsPath = args[++i];
                    break;
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return Ok;
                default:
                    error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
                    error.WriteLine(Usage);
                    return UsageError;
            }
        }

        if (settingsPath is not null && !File.Exists(settingsPath))
        {
            error.WriteLine($"Settings file '{settingsPath}' not found.");
            return UsageError;
        }

        settingsPath ??= FindRootSettings();
        var builder = new ConfigurationBuilder();
        if (settingsPath is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(settingsPath), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        var (package, errors) = PackageValidator.Validate(TeamsPackageSettings.From(builder.Build()));
        if (package is null)
        {
            error.WriteLine("Cannot build the Teams app package:");
            foreach (var message in errors)
            {
                error.WriteLine("  - " + message);
            }

            return InvalidConfiguration;
        }

        var zipPath = Path.GetFullPath(outputPath ?? DefaultOutput);
        PackageWriter.Write(zipPath, ManifestBuilder.Build(package));
        output.WriteLine($"Wrote {zipPath}");
        output.WriteLine($"  Teams app id {package.AppId:D}, bot id {package.BotId:D}, version {package.Version}");
        output.WriteLine("  Upload it in Teams: Apps > Manage your apps > Upload an app.");
        return Ok;
    }

    /// <summary>The appsettings.json beside Baclofen.Bot.sln, searched upwards from the working directory.</summary>
    private static string? FindRootSettings()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appsettings.json");
            if (File.Exists(Path.Combine(dir.FullName, "Baclofen.Bot.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return File.Exists("appsettings.json") ? Path.GetFullPath("appsettings.json") : null;
    }
}
