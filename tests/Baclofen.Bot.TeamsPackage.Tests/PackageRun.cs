using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Baclofen.Bot.TeamsPackage.Tests;

/// <summary>One run of the package command into a temporary folder, and what it wrote.</summary>
internal sealed class PackageRun : IDisposable
{
    public const string BotId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "teams-package-" + Guid.NewGuid().ToString("N"));

    public PackageRun(IDictionary<string, string?>? changes = null, string? settingsJson = "{}")
    {
        Directory.CreateDirectory(_directory);
        ZipPath = Path.Combine(_directory, "out", "baclofen-bot.zip");
        var settingsPath = Path.Combine(_directory, "appsettings.json");
        File.WriteAllText(settingsPath, settingsJson);

        var values = Valid();
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var output = new StringWriter();
        var error = new StringWriter();
        ExitCode = PackageCommand.Run(["--output", ZipPath, "--settings", settingsPath], output, error, values);
        Output = output.ToString();
        Error = error.ToString();
    }

    public string ZipPath { get; }
    public int ExitCode { get; }
    public string Output { get; }
    public string Error { get; }

    public static Dictionary<string, string?> Valid() => new()
    {
        ["MicrosoftAppId"] = BotId,
        ["Teams:DeveloperName"] = "Baclofen FAQ team",
        ["Teams:WebsiteUrl"] = "https://faq.example.org/",
        ["Teams:PrivacyUrl"] = "https://faq.example.org/privacy",
        ["Teams:TermsOfUseUrl"] = "https://faq.example.org/terms",
        ["Teams:ValidDomains:0"] = "faq.example.org",
    };

    public byte[] Entry(string name)
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public IReadOnlyList<string> EntryNames()
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        return [.. zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal)];
    }

    public JsonObject Manifest() => JsonNode.Parse(Entry("manifest.json"))!.AsObject();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
