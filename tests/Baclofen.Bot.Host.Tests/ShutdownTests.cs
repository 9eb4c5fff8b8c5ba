using System.Net;
using Baclofen.Bot.Host.Tests.Support;
using Baclofen.Bot.Protocol.Builder;
using Microsoft.Extensions.DependencyInjection;
using IMiddleware = Baclofen.Bot.Protocol.Builder.IMiddleware;

namespace Baclofen.Bot.Host.Tests;

/// <summary>A stopping host refuses new connections but lets the turns in flight finish and reply.</summary>
public sealed class ShutdownTests
{
    /// <summary>Holds every message turn until the test lets it go.</summary>
    private sealed class GateMiddleware : IMiddleware
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task;
            await next(cancellationToken);
        }
    }

    [Fact]
    public async Task Turn_in_flight_when_stopping_still_delivers_its_reply()
    {
        await using var channel = await TestChannelServer.StartAsync();
        var gate = new GateMiddleware();
        await using var bot = await RunningBot.StartAsync(
            ["--Bot:ShutdownTimeoutSeconds=30", "--Bot:TypingDelayMs=600000"],
            services => services.AddSingleton<IMiddleware>(gate));
        var address = bot.BaseAddress;

        var inFlight = bot.PostActivityAsync(Fixtures.Activity("emulator-message-personal.json", channel.ServiceUrl));
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var stopping = bot.StopAsync();

        await AssertNewConnectionsAreRefusedAsync(address);
        Assert.False(stopping.IsCompleted, "the host waits for the turn in flight");
        gate.Release.SetResult();

        using var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fallback", (await channel.NextMessageAsync()).FaqBotKind);
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task AssertNewConnectionsAreRefusedAsync(Uri address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var fresh = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
            try
            {
                using var _ = await fresh.GetAsync("/healthz");
            }
            catch (HttpRequestException)
            {
                return;
            }
            catch (TaskCanceledException)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException("The stopping host still accepted new connections.");
            }

            await Task.Delay(20);
        }
    }
}
