using System.Text;

namespace Baclofen.Bot.TeamsPackage.Tests;

public class AppIdAndEncodingTests
{
    [Fact]
    public void Name_based_uuid_matches_the_RFC_9562_version_5_example()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), StableAppId.NameBased(dns, "www.example.com"));
    }

    [Fact]
    public void Derived_app_id_is_stable_per_bot_and_differs_from_the_bot_id()
    {
        var bot = new Guid(PackageRun.BotId);
        var other = new Guid("9a1b2c3d-0000-4000-8000-000000000001");

        Assert.Equal(StableAppId.For(bot), StableAppId.For(bot));
        Assert.NotEqual(StableAppId.For(bot), StableAppId.For(other));
        Assert.NotEqual(bot, StableAppId.For(bot));
    }

    [Fact]
    public void Configured_Teams_AppId_is_used_as_is()
    {
        using var run = new PackageRun(new Dictionary<string, string?> { ["Teams:AppId"] = "11111111-2222-4333-8444-555555555555" });

        Assert.Equal("11111111-2222-4333-8444-555555555555", (string?)run.Manifest()["id"]);
    }

    [Fact]
    public void Without_Teams_AppId_the_manifest_id_is_derived_from_MicrosoftAppId()
    {
        using var run = new PackageRun();

        Assert.Equal(StableAppId.For(new Guid(PackageRun.BotId)).ToString("D"), (string?)run.Manifest()["id"]);
    }

    [Fact]
    public void Png_encoder_round_trips_pixels()
    {
        var rgba = new byte[3 * 2 * 4];
        for (var i = 0; i < rgba.Length; i++)
        {
            rgba[i] = (byte)(i * 11);
        }

        var image = PngImage.Read(PngEncoder.Encode(3, 2, rgba));

        Assert.Equal((3, 2), (image.Width, image.Height));
        Assert.Equal(rgba, image.Rgba);
    }

    [Fact]
    public void Comma_separated_valid_domains_from_one_environment_variable_are_split()
    {
        using var run = new PackageRun(new Dictionary<string, string?>
        {
            ["Teams:ValidDomains:0"] = null,
            ["Teams:ValidDomains"] = "faq.example.org, *.bots.example.org",
        });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["faq.example.org", "*.bots.example.org"], run.Manifest()["validDomains"]!.AsArray().Select(d => (string)d!));
    }
}
