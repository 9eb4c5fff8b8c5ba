using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Authentication;
using Baclofen.Bot.Protocol.Connector.Resilience;
using Baclofen.Bot.Protocol.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Tests;

public class BotProtocolRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddBotProtocol(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void Settings_bind_from_the_Bot_section_with_defaults()
    {
        using var services = Build(new() { ["Bot:MaxRequestBodyBytes"] = "2048", ["Bot:LogMessageText"] = "false" });

        var options = services.GetRequiredService<IOptions<BotProtocolOptions>>().Value;

        Assert.Equal(2048, options.MaxRequestBodyBytes);
        Assert.Equal(500, options.TypingDelayMs);
        Assert.Equal(3000, options.TypingPeriodMs);
        Assert.NotNull(services.GetRequiredService<CloudAdapter>());
        Assert.IsType<ShowTypingMiddleware>(Assert.Single(services.GetServices<IMiddleware>()));
    }

    [Fact]
    public void Without_an_app_id_authentication_is_disabled()
    {
        using var services = Build(new() { ["MicrosoftAppId"] = "" });

        Assert.Equal(BotAuthenticationMode.Disabled, services.GetRequiredService<BotFrameworkAuthenticator>().Mode);
    }

    [Fact]
    public void An_app_id_without_a_password_is_refused_with_a_clear_message()
    {
        using var services = Build(new() { ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);

        Assert.Contains("MicrosoftAppPassword", ex.Message);
    }

    [Fact]
    public void Connector_retry_settings_bind_from_the_Bot_section()
    {
        using var services = Build(new() { ["Bot:ConnectorRetry:MaxRetryAttempts"] = "1", ["Bot:ConnectorRetry:BaseDelay"] = "00:00:00.050" });

        var options = services.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value;

        Assert.Equal(1, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.BaseDelay);
    }
}
