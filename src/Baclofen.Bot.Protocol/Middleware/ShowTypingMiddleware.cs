using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Protocol.Middleware;

/// <summary>
/// Shows the user that the bot is working when a message turn is slow: a typing activity
/// once the turn has run for <see cref="BotProtocolOptions.TypingDelayMs"/> without a reply,
/// then again every <see cref="BotProtocolOptions.TypingPeriodMs"/> while it keeps running
/// (channels hide a typing indicator after a few seconds). Not for expectReplies: the caller
/// only sees the replies after the turn ends, when "typing" is already stale.
/// A failed typing send is logged and otherwise ignored; it must never fail the turn.
/// </summary>
public sealed partial class ShowTypingMiddleware : IMiddleware
{
    private readonly TimeSpan _delay;
    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private readonly ILogger<ShowTypingMiddleware> _logger;

    public ShowTypingMiddleware(IOptions<BotProtocolOptions> options, TimeProvider time, ILogger<ShowTypingMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _delay = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.TypingDelayMs));
        // A period under a second would flood the channel; Bot Builder's default is 2 s.
        _period = TimeSpan.FromMilliseconds(Math.Max(1000, options.Value.TypingPeriodMs));
        _time = time;
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);

        var activity = turnContext.Activity;
        var wantsTyping = activity.Type == ActivityTypes.Message
            && !string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        if (!wantsTyping)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var turnRunning = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = KeepTypingAsync(turnContext, turnRunning.Token);
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Stop before the turn is reported done, so no typing indicator trails the turn.
            await turnRunning.CancelAsync().ConfigureAwait(false);
            await typing.ConfigureAwait(false);
        }
    }

    private async Task KeepTypingAsync(ITurnContext turnContext, CancellationToken turnRunning)
    {
        try
        {
            await Task.Delay(_delay, _time, turnRunning).ConfigureAwait(false);
            if (!turnContext.Responded)
            {
                await SendTypingAsync(turnContext, turnRunning).ConfigureAwait(false);
            }

            while (true)
            {
                await Task.Delay(_period, _time, turnRunning).ConfigureAwait(false);
                await SendTypingAsync(turnContext, turnRunning).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (turnRunning.IsCancellationRequested)
        {
            // The turn finished: the normal way out.
        }
        catch (Exception ex)
        {
            LogTypingFailed(ex, turnContext.Activity.Conversation?.Id);
        }
    }

    private static Task SendTypingAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var typing = new Activity { Type = ActivityTypes.Typing, RelatesTo = turnContext.Activity.RelatesTo };
        return turnContext is TurnContext ours
            ? ours.SendWithoutRespondingAsync([typing], cancellationToken)
            : turnContext.SendActivityAsync(typing, cancellationToken);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Could not send a typing indicator to conversation {ConversationId}; the turn goes on without it")]
    private partial void LogTypingFailed(Exception exception, string? conversationId);
}
