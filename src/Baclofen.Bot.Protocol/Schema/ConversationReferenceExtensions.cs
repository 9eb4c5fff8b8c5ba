namespace Baclofen.Bot.Protocol.Schema;

public static class ConversationReferenceExtensions
{
    /// <summary>
    /// Addresses an outgoing activity to the conversation the reference names, as Bot Builder's
    /// Activity.ApplyConversationReference(reference, isIncoming: false) does: the bot becomes
    /// the sender, the user the recipient, and the activity replies to the referenced one.
    /// A replyToId the caller already chose is kept, so a bot can thread to another message.
    /// </summary>
    public static Activity ApplyConversationReference(this Activity activity, ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(reference);

        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.Locale ??= reference.Locale;
        activity.From = reference.Bot;
        activity.Recipient = reference.User;
        activity.ReplyToId ??= reference.ActivityId;
        return activity;
    }
}
