using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.State;
using Baclofen.Bot.Protocol.Teams;
using Baclofen.Bot.Recording;
using Baclofen.Bot.Reload;
using Baclofen.Bot.Replies;
using Baclofen.Bot.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baclofen.Bot;

/// <summary>
/// The baclofen FAQ bot: the Bot Framework face of <see cref="TurnPipeline"/>. Each reply the
/// pipeline produces becomes one activity, in order, so an emergency reply is always first.
/// The conversation's memory is loaded before the turn and saved after the replies are sent.
/// </summary>
public sealed partial class FaqBot(FaqKnowledgeProvider knowledge, ConversationState<ConversationMemory> state, TurnRecorder recorder, ILogger<FaqBot> logger)
    : ActivityHandler
{
    /// <summary>A bot that always serves <paramref name="pipeline"/> (no reload).</summary>
    public FaqBot(TurnPipeline pipeline, ConversationState<ConversationMemory> state, TurnRecorder recorder, ILogger<FaqBot> logger)
        : this(FaqKnowledgeProvider.Fixed(pipeline), state, recorder, logger)
    {
    }

    /// <summary>A bot with in-memory state and feedback and no unanswered log, for tests and tools.</summary>
    public FaqBot(TurnPipeline pipeline)
        : this(
            pipeline,
            new ConversationState<ConversationMemory>(new MemoryStorage(), immutable: true),
            new TurnRecorder(new InMemoryFeedbackStore(), new NoUnansweredLog(), TimeProvider.System),
            NullLogger<FaqBot>.Instance)
    {
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var incoming = turnContext.Activity;
        // The bot's own @mention goes first, so "<at>Bot</at> he stopped breathing" reaches the
        // safety gate as the plain sentence.
        var text = IncomingText.Read(incoming);
        if (text is null && !incoming.IsTeamsPersonalChat() && incoming.Conversation?.IsGroup == true)
        {
            // A reaction, file or bare mention in a busy channel needs no answer from us.
            return;
        }

        var memory = await LoadMemoryAsync(turnContext, cancellationToken);
        // Read once: the whole turn runs on one version of the FAQ even if a reload lands meanwhile.
        var result = knowledge.Current.Pipeline.Process(text, memory.Value);
        var activities = result.Replies
            .Select(reply => TeamsReplyAdapter.AdaptFor(ReplyActivityFactory.ToActivity(reply), incoming))
            .ToList();
        await turnContext.SendActivitiesAsync(activities, cancellationToken);

        try
        {
            await state.SaveAsync(turnContext, result.Memory, memory.ETag, cancellationToken);
        }
        catch (StorageConflictException)
        {
            // Two messages of one conversation crossed; the later turn's memory is kept. Losing
            // this turn's context costs at most one follow-up read without it.
            LogStateConflict(incoming.Conversation?.Id);
        }
        catch (StorageUnavailableException)
        {
            // The shared store is down (it logs the outage itself): the reply is already sent, and
            // the next turn starts without this one's context.
        }

        await recorder.RecordAsync(result, cancellationToken);
    }

    // A turn whose memory cannot be read answers as a first turn would, rather than not at all: the
    // safety gate and the FAQ need no memory, only follow-ups do.
    private async Task<StateEntry<ConversationMemory>> LoadMemoryAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            return await state.LoadAsync(turnContext, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            return new StateEntry<ConversationMemory>(new ConversationMemory(), null);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Conversation {ConversationId} state changed during the turn; this turn's memory was not saved")]
    private partial void LogStateConflict(string? conversationId);

    protected override async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (WelcomePolicy.ShouldWelcome(turnContext.Activity))
        {
            var welcome = ReplyActivityFactory.ToActivity(knowledge.Current.Pipeline.Welcome());
            await turnContext.SendActivityAsync(TeamsReplyAdapter.AdaptFor(welcome, turnContext.Activity), cancellationToken);
        }
    }
}
