using System.Collections.Concurrent;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Middleware;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Tests.Support;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Tests;

/// <summary>
/// The typing middleware on a fake clock that the tests move in 100 ms steps. A timer fires inside the
/// step that reaches its due time and the middleware's continuation runs just after, so each typing
/// activity is stamped with the fake time at the end of that step: the tests assert when typing went out
/// to within one step, and that none goes out after the turn.
/// </summary>
public class ShowTypingMiddlewareTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ConcurrentQueue<(Activity Activity, TimeSpan At)> _sent = new();
    private readonly ListLogger<ShowTypingMiddleware> _log = new();
    private int _sendAttempts;

    private ShowTypingMiddleware Middleware(int delayMs = 500, int periodMs = 3000) =>
        new(Options.Create(new BotProtocolOptions { TypingDelayMs = delayMs, TypingPeriodMs = periodMs }), _clock, _log);

    private TurnContext Context(string fixture = "emulator-message-personal.json", SendActivitiesHandler? send = null) =>
        new(Fixtures.Activity(fixture), (activities, ct) =>
        {
            Interlocked.Increment(ref _sendAttempts);
            if (send is not null)
            {
                return send(activities, ct);
            }

            foreach (var a in activities)
            {
                _sent.Enqueue((a, _clock.GetUtcNow() - Start));
            }

            return Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());
        });

    private int Typings => _sent.Count(s => s.Activity.Type == ActivityTypes.Typing);

    private List<TimeSpan> TypingTimes => [.. _sent.Where(s => s.Activity.Type == ActivityTypes.Typing).Select(s => s.At)];

    /// <summary>Moves the clock in 100 ms steps, letting the turn's continuations run between steps.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            _clock.Advance(by - moved < step ? by - moved : step);
            await Task.Delay(1);
        }
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static void AssertAtOrWithinAStepAfter(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected, expected + Ms(100));

    [Fact]
    public async Task Slow_turn_shows_typing_after_the_delay_then_at_most_once_per_period()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = Context();
        var turn = Middleware().OnTurnAsync(context, async ct =>
        {
            await release.Task;
            await context.SendActivityAsync(MessageFactory.Text("answer"), ct);
        });

        await AdvanceAsync(Ms(499));
        Assert.Equal(0, Typings);

        await AdvanceAsync(Ms(7000 - 499));
        var times = TypingTimes;
        Assert.Equal(3, times.Count);
        AssertAtOrWithinAStepAfter(Ms(500), times[0]);
        AssertAtOrWithinAStepAfter(Ms(3000), times[1] - times[0]);
        AssertAtOrWithinAStepAfter(Ms(3000), times[2] - times[1]);
        Assert.False(context.Responded, "a typing indicator is not a reply");

        release.SetResult();
        await turn;

        // Nothing trails the turn, however long the clock runs on.
        _clock.Advance(TimeSpan.FromSeconds(30));
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(3, Typings);
        Assert.Equal(ActivityTypes.Message, _sent.Last().Activity.Type);
        var typing = _sent.First().Activity;
        Assert.Equal("user-id-0", typing.Recipient!.Id);
        Assert.Equal("fa31bca6-6d74-4974-b32e-a25000a8cd2a", typing.Conversation!.Id);
    }

    [Fact]
    public async Task Fast_turn_shows_no_typing()
    {
        var context = Context();

        await Middleware().OnTurnAsync(context, ct => context.SendActivityAsync(MessageFactory.Text("quick"), ct));

        await AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Typings);
        Assert.Single(_sent);
    }

    [Fact]
    public async Task Turn_that_already_replied_before_the_delay_gets_no_first_typing()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = Context();
        var turn = Middleware().OnTurnAsync(context, async ct =>
        {
            await context.SendActivityAsync(MessageFactory.Text("emergency first"), ct);
            await release.Task;
        });

        await Eventually.TrueAsync(() => context.Responded, "first reply sent");
        await AdvanceAsync(Ms(500));
        Assert.Equal(0, Typings);

        // The periodic indicator still runs while the rest of the turn works.
        await AdvanceAsync(Ms(3100));
        AssertAtOrWithinAStepAfter(Ms(3500), Assert.Single(TypingTimes));

        release.SetResult();
        await turn;
    }

    [Theory]
    [InlineData("emulator-expectReplies-message.json")]
    [InlineData("emulator-conversationUpdate-personal.json")]
    public async Task No_typing_for_expectReplies_or_non_message_turns(string fixture)
    {
        var context = Context(fixture);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn = Middleware().OnTurnAsync(context, _ => release.Task);

        await AdvanceAsync(TimeSpan.FromSeconds(10));
        release.SetResult();
        await turn;

        Assert.Equal(0, Typings);
        Assert.Empty(context.BufferedReplies);
    }

    [Fact]
    public async Task Failed_typing_send_is_logged_and_the_turn_still_completes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = Context(send: (_, _) => Task.FromException<ResourceResponse[]>(new HttpRequestException("connector down")));
        var turn = Middleware().OnTurnAsync(context, _ => release.Task);

        await AdvanceAsync(Ms(500));
        await Eventually.TrueAsync(() => !_log.Lines.IsEmpty, "the failure logged");
        release.SetResult();
        await turn;

        Assert.Contains("fa31bca6-6d74-4974-b32e-a25000a8cd2a", _log.All);
        // The failed indicator stopped the typing loop: no further attempts.
        await AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _sendAttempts);
    }
}
