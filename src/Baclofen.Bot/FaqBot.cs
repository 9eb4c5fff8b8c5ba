using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Protocol.Teams;
using Baclofen.Bot.Replies;
using Baclofen.Bot.Teams;

namespace Baclofen.Bot;

/// <summary>
/// The baclofen FAQ bot: the Bot Framework face of <see cref="TurnPipeline"/>. Each reply the
/// pipeline produces becomes one activity, in order, so an emergency reply is always first.
/// </summary>
public sealed class FaqBot(TurnPipeline pipeline) : ActivityHandler
{
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

        var result = pipeline.Process(text);
        var activities = result.Replies
            .Select(reply => TeamsReplyAdapter.AdaptFor(ReplyActivityFactory.ToActivity(reply), incoming))
            .ToList();
        await turnContext.SendActivitiesAsync(activities, cancellationToken);
    }

    protected override async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (WelcomePolicy.ShouldWelcome(turnContext.Activity))
        {
            var welcome = ReplyActivityFactory.ToActivity(pipeline.Welcome());
            await turnContext.SendActivityAsync(TeamsReplyAdapter.AdaptFor(welcome, turnContext.Activity), cancellationToken);
        }
    }
}
