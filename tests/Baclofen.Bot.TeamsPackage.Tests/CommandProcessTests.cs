using System.Diagnostics;
using System.IO.Compression;

namespace Baclofen.Bot.TeamsPackage.Tests;

/// <summary>The built command run as its own process, configured only by environment variables.</summary>
public sealed class CommandProcessTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "teams-package-process-" + Guid.NewGuid().ToString("N"));

    public CommandProcessTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Environment_variables_configure_the_package()
    {
        var zip = Path.Combine(_directory, "baclofen-bot.zip");
        var (code, _, error) = await RunAsync(zip, new()
        {
            ["MicrosoftAppId"] = PackageRun.BotId,
            ["Teams__DeveloperName"] = "Env Developer",
            ["Teams__WebsiteUrl"] = "https://env.example.org/",
            ["Teams__PrivacyUrl"] = "https://env.example.org/privacy",
            ["Teams__TermsOfUseUrl"] = "https://env.example.org/terms",
        });

        Assert.True(code == 0, error);
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(await reader.ReadToEndAsync())!;
        Assert.Equal("Env Developer", (string?)manifest["developer"]!["name"]);
        Assert.Equal(PackageRun.BotId, (string?)manifest["bots"]![0]!["botId"]);
    }

    [Fact]
    public async Task Malformed_app_id_exits_non_zero_with_the_reason()
    {
        var zip = Path.Combine(_directory, "baclofen-bot.zip");
        var (code, _, error) = await RunAsync(zip, new() { ["MicrosoftAppId"] = "not-a-guid" });

        Assert.Equal(PackageCommand.InvalidConfiguration, code);
        Assert.Contains("MicrosoftAppId 'not-a-guid' is not a GUID", error);
        Assert.False(File.Exists(zip));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string zip, Dictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Baclofen.Bot.TeamsPackage.dll");
        var settings = Path.Combine(_directory, "appsettings.json");
        await File.WriteAllTextAsync(settings, "{}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        foreach (var argument in new[] { dll, "--output", zip, "--settings", settings })
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the test sets: inherited MicrosoftAppId or Teams__* would change the outcome.
        foreach (var key in start.Environment.Keys.Where(k => k == "MicrosoftAppId" || k.StartsWith("Teams__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
