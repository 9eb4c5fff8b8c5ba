using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Builder;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Replies;

namespace Baclofen.Bot;

/// <summary>
/// The baclofen FAQ bot. Interim version while the FAQ and safety layers land: it welcomes
/// new members and answers every message with an honest fallback.
/// </summary>
public sealed class FaqBot : ActivityHandler
{
    public const string WelcomeText =
        "Hi, I'm the Baclofen FAQ Bot. I answer common questions about the medicine baclofen. " +
        "I'm not medical advice. In an emergency, call 911.";

    public const string NotReadyText =
        "I can't answer questions yet. Please ask your doctor or pharmacist. In an emergency, call 911.";

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var reply = MessageFactory.Text(NotReadyText, TextFormatTypes.Markdown)
            .WithFaqBot(new JsonObject { ["kind"] = "fallback" });
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var reply = MessageFactory.Text(WelcomeText, TextFormatTypes.Markdown)
            .WithFaqBot(new JsonObject { ["kind"] = "smalltalk" });
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }
}
