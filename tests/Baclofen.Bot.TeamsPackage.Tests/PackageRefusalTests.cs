namespace Baclofen.Bot.TeamsPackage.Tests;

public class PackageRefusalTests
{
    [Theory]
    [InlineData("MicrosoftAppId", null, "MicrosoftAppId is missing")]
    [InlineData("MicrosoftAppId", "", "MicrosoftAppId is missing")]
    [InlineData("MicrosoftAppId", "my-bot", "MicrosoftAppId 'my-bot' is not a GUID")]
    [InlineData("MicrosoftAppId", "3f2504e0-4f89-41d3-9a0c-0305e82c330", "is not a GUID")]
    [InlineData("MicrosoftAppId", "00000000-0000-0000-0000-000000000000", "is not a GUID")]
    [InlineData("Teams:AppId", "not-a-guid", "Teams:AppId 'not-a-guid' is not a GUID")]
    [InlineData("Teams:WebsiteUrl", "http://faq.example.org/", "Teams:WebsiteUrl 'http://faq.example.org/' is not an https:// URL")]
    [InlineData("Teams:PrivacyUrl", null, "Teams:PrivacyUrl is missing")]
    [InlineData("Teams:TermsOfUseUrl", "faq.example.org/terms", "is not an https:// URL")]
    [InlineData("Teams:DeveloperName", "", "Teams:DeveloperName is missing")]
    [InlineData("Teams:DeveloperName", "A developer name far longer than thirty-two", "at most 32")]
    [InlineData("Teams:AppVersion", "1.0", "MAJOR.MINOR.PATCH")]
    [InlineData("Teams:ValidDomains:0", "https://faq.example.org", "must be a host name")]
    public void Bad_configuration_is_refused_with_a_clear_message_and_no_zip(string key, string? value, string message)
    {
        using var run = new PackageRun(new Dictionary<string, string?> { [key] = value });

        Assert.Equal(PackageCommand.InvalidConfiguration, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(run.ZipPath));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        using var run = new PackageRun(new Dictionary<string, string?> { ["MicrosoftAppId"] = null, ["Teams:PrivacyUrl"] = "http://x.example.org" });

        Assert.Contains("MicrosoftAppId is missing", run.Error);
        Assert.Contains("Teams:PrivacyUrl", run.Error);
    }

    [Fact]
    public void Unknown_argument_is_a_usage_error()
    {
        var error = new StringWriter();

        Assert.Equal(PackageCommand.UsageError, PackageCommand.Run(["--outptu", "x.zip"], TextWriter.Null, error));
        Assert.Contains("--outptu", error.ToString());
    }

    [Fact]
    public void Missing_settings_file_is_a_usage_error()
    {
        var error = new StringWriter();

        Assert.Equal(PackageCommand.UsageError, PackageCommand.Run(["--settings", "/nonexistent/appsettings.json"], TextWriter.Null, error));
    }

    [Fact]
    public void Repository_appsettings_defaults_are_refused_until_the_deployment_fills_them()
    {
        // The shipped appsettings.json leaves the ids and URLs empty on purpose.
        var root = RepositoryRoot.Find();
        var error = new StringWriter();
        var blank = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = null, ["Teams:DeveloperName"] = null, ["Teams:WebsiteUrl"] = null,
            ["Teams:PrivacyUrl"] = null, ["Teams:TermsOfUseUrl"] = null,
        };

        var code = PackageCommand.Run(["--settings", Path.Combine(root, "appsettings.json"), "--output", Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".zip")], TextWriter.Null, error, blank);

        Assert.Equal(PackageCommand.InvalidConfiguration, code);
        Assert.Contains("MicrosoftAppId is missing", error.ToString());
    }
}
