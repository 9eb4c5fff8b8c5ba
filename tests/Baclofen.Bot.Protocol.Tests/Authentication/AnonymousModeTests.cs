using Baclofen.Bot.Protocol.Authentication;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

public sealed class AnonymousModeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Without_an_app_id_requests_are_accepted_anonymously_and_no_keys_are_fetched(string? appId)
    {
        await using var h = await AuthHarness.StartAsync(appId: appId);

        var result = await h.Authenticator.AuthenticateAsync(null, "emulator", "http://localhost:50123", CancellationToken.None);

        Assert.Equal(BotAuthenticationMode.Disabled, h.Authenticator.Mode);
        Assert.True(result.Succeeded);
        Assert.Equal(TokenSource.Anonymous, result.Source);
        Assert.False(result.Identity!.IsAuthenticated);
        Assert.Equal(0, h.Idp.Server.TotalCount);
    }

    [Fact]
    public async Task With_an_app_id_a_request_without_a_token_is_refused()
    {
        await using var h = await AuthHarness.StartAsync();

        var result = await h.Authenticator.AuthenticateAsync("", "emulator", "http://localhost:50123", CancellationToken.None);

        Assert.Equal(BotAuthenticationMode.Enabled, h.Authenticator.Mode);
        Assert.Equal(AuthenticationFailure.MissingAuthorizationHeader, result.Failure);
    }
}
