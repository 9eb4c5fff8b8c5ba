using System.Net;
using Baclofen.Bot.Host.Tests.Support;
using Baclofen.Bot.Protocol.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Baclofen.Bot.Host.Tests;

/// <summary>Back-pressure: beyond the turns running at once and the queue, 503 with Retry-After, never a 500.</summary>
public sealed class ConcurrencyLimitTests
{
    [Fact]
    public async Task A_turn_beyond_the_limit_and_its_queue_is_503_with_Retry_After_and_the_next_one_runs()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await RunningBot.StartAsync(
            ["--Bot:Concurrency:MaxTurns=1", "--Bot:Concurrency:QueueLimit=1", "--Bot:Concurrency:RetryAfterSeconds=2"],
            services => services.AddSingleton<IBot>(new HeldBot(started, gate.Task)));

        var holding = bot.PostActivityAsync(Fixtures.ExpectRepliesQuestion());
        await started.Task;
        // Two more: one takes the queue's only place, the other is refused at once.
        var a = bot.PostActivityAsync(Fixtures.ExpectRepliesQuestion());
        var b = bot.PostActivityAsync(Fixtures.ExpectRepliesQuestion());
        var done = await Task.WhenAny(a, b);
        using var refused = await done;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("2", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Contains("ServiceBusy", await refused.Content.ReadAsStringAsync());

        gate.SetResult();
        using var first = await holding;
        using var second = await (done == a ? b : a);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task The_health_check_is_not_behind_the_turn_limit()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await RunningBot.StartAsync(
            ["--Bot:Concurrency:MaxTurns=1", "--Bot:Concurrency:QueueLimit=0"],
            services => services.AddSingleton<IBot>(new HeldBot(started, gate.Task)));

        var holding = bot.PostActivityAsync(Fixtures.ExpectRepliesQuestion());
        await started.Task;
        using var health = await bot.Http.GetAsync("/healthz");
        gate.SetResult();
        using var _ = await holding;

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>Holds every turn until the test lets go.</summary>
    private sealed class HeldBot(TaskCompletionSource started, Task gate) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            started.TrySetResult();
            await gate.WaitAsync(cancellationToken);
        }
    }
}
