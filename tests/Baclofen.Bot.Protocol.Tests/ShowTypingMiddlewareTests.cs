using System.Collections.Concurrent;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Middleware;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Tests.Support;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Tests;

public class ShowTypingMiddlewareTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly ConcurrentQueue<Activity> _sent = new();
    private readonly ListLogger<ShowTypingMiddleware> _log = new();

    private ShowTypingMiddleware Middleware(int delayMs = 500, int periodMs = 3000) =>
        new(Options.Create(new BotProtocolOptions { TypingDelayMs = delayMs, TypingPeriodMs = periodMs }), _clock, _log);

    private TurnContext Context(string fixture = "emulator-message-personal.json", SendActivitiesHandler? send = null) =>
        new(Fixtures.Activity(fixture), send ?? ((activities, _) =>
        {
            foreach (var a in activities)
            {
                _sent.Enqueue(a);
            }

            return Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());
        }));

    private int Typings => _sent.Count(a => a.Type == ActivityTypes.Typing);

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

        Assert.Equal(1, _clock.ScheduledTimers);
        _clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, Typings);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => Typings == 1 && _clock.ScheduledTimers == 1, "first typing sent and the next delay armed");
        Assert.False(context.Responded, "a typing indicator is not a reply");

        _clock.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.Equal(1, Typings);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => Typings == 2 && _clock.ScheduledTimers == 1, "second typing sent after a full period");

        release.SetResult();
        await turn;

        Assert.Equal(0, _clock.ScheduledTimers);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, Typings);
        Assert.Equal(ActivityTypes.Message, _sent.Last().Type);
        var typing = _sent.First();
        Assert.Equal("user-id-0", typing.Recipient!.Id);
        Assert.Equal("fa31bca6-6d74-4974-b32e-a25000a8cd2a", typing.Conversation!.Id);
    }

    [Fact]
    public async Task Fast_turn_shows_no_typing()
    {
        var context = Context();

        await Middleware().OnTurnAsync(context, ct => context.SendActivityAsync(MessageFactory.Text("quick"), ct));

        Assert.Equal(0, _clock.ScheduledTimers);
        _clock.Advance(TimeSpan.FromSeconds(10));
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
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        await Eventually.TrueAsync(() => _clock.ScheduledTimers == 1, "the periodic delay armed");
        Assert.Equal(0, Typings);

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

        Assert.Equal(0, _clock.ScheduledTimers);
        _clock.Advance(TimeSpan.FromSeconds(10));
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

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        await Eventually.TrueAsync(() => !_log.Lines.IsEmpty, "the failure logged");
        release.SetResult();
        await turn;

        Assert.Contains("fa31bca6-6d74-4974-b32e-a25000a8cd2a", _log.All);
        Assert.Equal(0, _clock.ScheduledTimers);
    }
}
