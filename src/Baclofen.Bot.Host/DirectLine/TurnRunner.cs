using Baclofen.Bot.Host.Widget;
using Baclofen.Bot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Puts activities into a conversation's log the way Direct Line does: the user's own activity
/// is echoed back with its id (Web Chat waits for that echo, matched on clientActivityID),
/// then the bot's replies follow in the order the bot produced them.
/// </summary>
public sealed class TurnRunner(IDirectLineBot bot, IOptions<WidgetOptions> options, TimeProvider time, ILogger<TurnRunner> logger)
{
    public const string ChannelId = "directline";

    private ChannelAccount BotAccount => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = RoleTypes.Bot };

    /// <summary>The user joined: the bot hears a conversationUpdate (which clients never see) and its welcome goes into the log.</summary>
    public async Task StartAsync(IConversation conversation, string serviceUrl, CancellationToken cancellationToken)
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = time.GetUtcNow(),
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = User(conversation),
            Recipient = BotAccount,
            MembersAdded = [User(conversation)],
        };

        using (await conversation.LockTurnAsync(cancellationToken).ConfigureAwait(false))
        {
            // A failed welcome must not stop the patient from asking: the conversation stays open.
            await RunBotAsync(conversation, update, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stores the user's activity and runs the bot on it; false when the bot failed (the echo stays).</summary>
    public async Task<(string Id, bool BotSucceeded)> PostAsync(IConversation conversation, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        using (await conversation.LockTurnAsync(cancellationToken).ConfigureAwait(false))
        {
            activity.ChannelId = ChannelId;
            activity.ServiceUrl = serviceUrl;
            activity.Conversation = new ConversationAccount { Id = conversation.Id };
            // The token decides who speaks; a client cannot post as someone else.
            activity.From = new ChannelAccount { Id = conversation.UserId, Name = activity.From?.Name, Role = RoleTypes.User };
            activity.Recipient = BotAccount;
            var id = await conversation.AppendAsync(activity, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

            if (activity.Type == ActivityTypes.Message)
            {
                // Shows Web Chat's typing indicator while the bot works on the answer.
                await conversation.AppendAsync(Stamp(new Activity { Type = ActivityTypes.Typing }, conversation, id), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            var succeeded = await RunBotAsync(conversation, activity, cancellationToken).ConfigureAwait(false);
            return (id, succeeded);
        }
    }

    private async Task<bool> RunBotAsync(IConversation conversation, Activity incoming, CancellationToken cancellationToken)
    {
        IReadOnlyList<Activity> replies;
        try
        {
            replies = await bot.ProcessAsync(incoming, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The exception type only: messages may quote what the user typed.
            logger.LogError("The bot failed on a {ActivityType} activity in a Direct Line conversation (timed out: {TimedOut}): {ExceptionType}", incoming.Type, cancellationToken.IsCancellationRequested, ex.GetType().FullName);
            return false;
        }

        foreach (var reply in replies)
        {
            // Bot Builder's trace activities are for the Emulator, never for an end user.
            if (reply.Type == ActivityTypes.Trace)
            {
                continue;
            }

            await conversation.AppendAsync(Stamp(reply, conversation, incoming.Type == ActivityTypes.ConversationUpdate ? null : incoming.Id), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private Activity Stamp(Activity reply, IConversation conversation, string? replyToId)
    {
        reply.Type ??= ActivityTypes.Message;
        reply.ChannelId = ChannelId;
        reply.Conversation = new ConversationAccount { Id = conversation.Id };
        reply.From = BotAccount;
        reply.Recipient = User(conversation);
        reply.ReplyToId ??= replyToId;
        reply.ServiceUrl = null;
        return reply;
    }

    private static ChannelAccount User(IConversation conversation) => new() { Id = conversation.UserId, Role = RoleTypes.User };
}
