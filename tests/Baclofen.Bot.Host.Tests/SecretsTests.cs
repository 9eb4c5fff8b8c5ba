using System.Net;
using System.Text;
using Baclofen.Bot.Host.Tests.Support;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.Tests;

/// <summary>The app password is read from configuration and goes to the token endpoint only: never to a log,
/// never into any response, whatever goes wrong.</summary>
public sealed class SecretsTests
{
    private const string Password = "Pw-RECOGNISABLE-7f3a9c-do-not-leak";

    [Fact]
    public async Task App_password_never_appears_in_logs_or_responses()
    {
        await using var identity = await BotConnectorIdentity.StartAsync();
        await using var channel = await TestChannelServer.StartAsync();
        await using var bot = await RunningBot.StartAsync(identity.BotArgs(Password));
        var token = identity.BotConnectorToken(channel.ServiceUrl);
        var bodies = new StringBuilder();

        async Task Capture(Task<HttpResponseMessage> sending)
        {
            using var response = await sending;
            bodies.AppendLine(response.ToString()).AppendLine(await response.Content.ReadAsStringAsync());
        }

        // The token endpoint refusing the secret (its error body quotes it), then a working reply.
        identity.Tokens.FailWithStatus = 401;
        await Capture(bot.PostActivityAsync(Fixtures.Activity("emulator-message-channel-mention.json", channel.ServiceUrl), token));
        identity.Tokens.FailWithStatus = null;
        await Capture(bot.PostActivityAsync(Fixtures.Activity("emulator-message-personal.json", channel.ServiceUrl), token));
        Assert.StartsWith("Bearer token-", (await channel.NextMessageAsync()).Authorization);
        await Capture(bot.PostActivityAsync(Fixtures.Activity("emulator-message-personal.json", channel.ServiceUrl), bearerToken: null));
        await Capture(bot.PostActivityAsync(Fixtures.Activity("emulator-message-personal.json", channel.ServiceUrl), "garbage"));
        await Capture(bot.Http.PostAsync("/api/messages", new StringContent("{\"type\":", Encoding.UTF8, "application/json")));
        await Capture(bot.Http.PostAsync("/api/messages", new StringContent(new string('x', 300 * 1024), Encoding.UTF8, "application/json")));
        await Capture(bot.Http.GetAsync("/api/messages"));
        await Capture(bot.Http.GetAsync("/healthz"));
        await Capture(bot.Http.GetAsync("/no-such-page"));

        Assert.True(identity.Tokens.Forms.Any(f => f["client_secret"] == Password), "the token endpoint got the secret");
        Assert.DoesNotContain(Password, bodies.ToString());
        Assert.DoesNotContain(Password, bot.Logs.All);
        Assert.Contains("Reply to conversation", bot.Logs.All); // the failures above were logged
    }

    [Fact]
    public async Task Start_up_refusal_for_bad_settings_names_the_setting_but_not_the_password()
    {
        await using var app = BotApp.Build(
            ["--urls", "http://127.0.0.1:0", "--MicrosoftAppId=00000000-0000-0000-0000-000000000001",
             "--MicrosoftAppPassword=" + Password, "--MicrosoftAppType=SingleTenant"]);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("MicrosoftAppTenantId", ex.Message);
        Assert.DoesNotContain(Password, ex.ToString());
    }
}
