using System.Text.Json.Nodes;

namespace Baclofen.Bot.TeamsPackage.Tests;

/// <summary>
/// The rules of the Teams manifest schema (1.19) that apply to a bot-only app, checked on the
/// generated manifest.json as Teams would read it.
/// </summary>
public sealed class ManifestRulesTests : IDisposable
{
    private static readonly string[] AllowedTopLevel =
    [
        "$schema", "manifestVersion", "version", "id", "developer", "name", "description", "icons",
        "accentColor", "bots", "permissions", "validDomains",
    ];

    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    private readonly PackageRun _run = new();
    private readonly JsonObject _manifest;

    public ManifestRulesTests() => _manifest = _run.Manifest();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Required_top_level_members_are_present_and_nothing_else()
    {
        foreach (var required in new[] { "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor" })
        {
            Assert.True(_manifest.ContainsKey(required), $"{required} is required");
        }

        Assert.All(_manifest.Select(p => p.Key), key => Assert.Contains(key, AllowedTopLevel));
        Assert.False(_manifest.ContainsKey("packageName")); // no longer accepted from 1.19
    }

    [Fact]
    public void Manifest_version_is_at_least_1_19_and_matches_the_schema_url()
    {
        var version = (string)_manifest["manifestVersion"]!;

        Assert.True(Version.Parse(version) >= new Version(1, 19));
        Assert.Equal($"https://developer.microsoft.com/en-us/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", (string?)_manifest["$schema"]);
    }

    [Fact]
    public void App_version_is_major_minor_patch()
    {
        Assert.Matches(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", (string)_manifest["version"]!);
    }

    [Fact]
    public void App_id_and_bot_id_are_guids_and_the_bot_is_MicrosoftAppId()
    {
        Assert.True(Guid.TryParseExact((string)_manifest["id"]!, "D", out _));
        var bot = Assert.Single(_manifest["bots"]!.AsArray())!;
        Assert.Equal(PackageRun.BotId, (string?)bot["botId"]);
    }

    [Fact]
    public void Developer_comes_from_configuration_with_https_urls()
    {
        var developer = _manifest["developer"]!;

        Assert.Equal("Baclofen FAQ team", (string?)developer["name"]);
        Assert.True(((string)developer["name"]!).Length <= 32);
        foreach (var key in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            var url = new Uri((string)developer[key]!);
            Assert.Equal("https", url.Scheme);
            Assert.True(url.AbsoluteUri.Length <= 2048);
        }

        Assert.Equal("https://faq.example.org/privacy", (string?)developer["privacyUrl"]);
    }

    [Fact]
    public void Names_and_descriptions_fit_their_limits_and_disclaim_medical_advice()
    {
        var name = _manifest["name"]!;
        var description = _manifest["description"]!;

        Assert.InRange(((string)name["short"]!).Length, 1, 30);
        Assert.InRange(((string)name["full"]!).Length, 1, 100);
        Assert.InRange(((string)description["short"]!).Length, 1, 80);
        Assert.InRange(((string)description["full"]!).Length, 1, 4000);
        Assert.Contains("not medical advice", (string)description["short"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not medical advice", (string)description["full"]!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Icons_name_files_in_the_package_and_accent_colour_is_hex()
    {
        Assert.Equal("color.png", (string?)_manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)_manifest["icons"]!["outline"]);
        Assert.Contains((string)_manifest["icons"]!["color"]!, _run.EntryNames());
        Assert.Contains((string)_manifest["icons"]!["outline"]!, _run.EntryNames());
        Assert.Matches("^#[0-9a-fA-F]{6}$", (string)_manifest["accentColor"]!);
    }

    [Fact]
    public void Bot_is_conversational_in_personal_team_and_group_chat_without_files()
    {
        var bot = _manifest["bots"]![0]!;

        Assert.Equal(BotScopes.Order(), bot["scopes"]!.AsArray().Select(s => (string)s!).Order());
        Assert.False((bool)bot["supportsFiles"]!);
        Assert.False((bool)bot["isNotificationOnly"]!);
    }

    [Fact]
    public void Command_lists_respect_the_schema_limits()
    {
        var lists = _manifest["bots"]![0]!["commandLists"]!.AsArray();

        Assert.InRange(lists.Count, 1, 3);
        foreach (var list in lists)
        {
            var scopes = list!["scopes"]!.AsArray().Select(s => (string)s!).ToList();
            Assert.NotEmpty(scopes);
            Assert.All(scopes, scope => Assert.Contains(scope, BotScopes));
            var commands = list["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);
            Assert.All(commands, command =>
            {
                Assert.InRange(((string)command!["title"]!).Length, 1, 32);
                Assert.InRange(((string)command["description"]!).Length, 1, 128);
            });
            Assert.Equal(commands.Count, commands.Select(c => ((string)c!["title"]!).ToLowerInvariant()).Distinct().Count());
        }

        Assert.Contains(lists[0]!["commands"]!.AsArray(), c => (string?)c!["title"] == "help");
    }

    [Fact]
    public void Each_bot_scope_has_its_own_command_list()
    {
        var lists = _manifest["bots"]![0]!["commandLists"]!.AsArray();

        var scopes = lists.Select(list => Assert.Single(list!["scopes"]!.AsArray())!.GetValue<string>()).Order();
        Assert.Equal(BotScopes.Order(), scopes);
    }

    [Fact]
    public void Permissions_and_valid_domains_are_as_configured()
    {
        Assert.Equal(["identity", "messageTeamMembers"], _manifest["permissions"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(["faq.example.org"], _manifest["validDomains"]!.AsArray().Select(d => (string)d!));
    }
}
