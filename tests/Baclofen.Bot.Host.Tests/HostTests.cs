using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot.Host.Tests;

public sealed class HostTests
{
    [Fact]
    public async Task Health_endpoint_answers_ok()
    {
        await using var bot = await RunningBot.StartAsync();

        using var response = await bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_app_listens_on_loopback_at_the_address_it_reports()
    {
        await using var bot = await RunningBot.StartAsync();

        Assert.Equal("127.0.0.1", bot.BaseAddress.Host);
        Assert.NotEqual(0, bot.BaseAddress.Port);
    }

    [Fact]
    public async Task Repository_appsettings_json_is_read_from_the_output_folder()
    {
        await using var app = BotApp.Build(["--urls", "http://127.0.0.1:0"]);

        // Keys only the repository's appsettings.json has.
        Assert.Equal("2000", app.Configuration["Bot:MaxMessageLength"]);
        Assert.Equal("MultiTenant", app.Configuration["MicrosoftAppType"]);
    }

    [Fact]
    public async Task Without_an_address_the_bot_uses_the_Bot_Framework_default_port()
    {
        await using var app = BotApp.Build([]);

        var fromEnvironment = new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "URLS" }
            .Select(Environment.GetEnvironmentVariable)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));
        Assert.Equal(fromEnvironment ?? "http://localhost:3978", app.Configuration["urls"]);
    }

    [Fact]
    public async Task Urls_argument_is_honoured()
    {
        await using var app = BotApp.Build(["--urls", "http://127.0.0.1:5099"]);

        Assert.Equal("http://127.0.0.1:5099", app.Configuration["urls"]);
    }
}
