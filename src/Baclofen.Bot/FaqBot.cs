using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Replies;

namespace Baclofen.Bot;

/// <summary>
/// The baclofen FAQ bot: the Bot Framework face of <see cref="TurnPipeline"/>. Each reply the
/// pipeline produces becomes one activity, in order, so an emergency reply is always first.
/// </summary>
public sealed class FaqBot(TurnPipeline pipeline) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var result = pipeline.Process(turnContext.Activity.Text);
        var activities = result.Replies.Select(ReplyActivityFactory.ToActivity).ToList();
        await turnContext.SendActivitiesAsync(activities, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // One welcome per update, however many people joined at once.
        await turnContext.SendActivityAsync(ReplyActivityFactory.ToActivity(pipeline.Welcome()), cancellationToken);
    }
}
