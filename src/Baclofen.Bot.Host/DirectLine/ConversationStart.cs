namespace Baclofen.Bot.Host.DirectLine;

public enum ConversationStartStatus
{
    /// <summary>The conversation was already there (Web Chat starting again with the same token).</summary>
    Existing,

    Created,

    /// <summary>The store holds all it may (Widget:MaxConversations), none of them idle: 503.</summary>
    StoreFull,

    /// <summary>The client's address holds all it may (Widget:MaxConversationsPerClient): 429.</summary>
    ClientFull,
}

/// <summary>What starting a conversation came to; the conversation unless it was refused.</summary>
public readonly record struct ConversationStart(ConversationStartStatus Status, IConversation? Conversation)
{
    public bool Created => Status == ConversationStartStatus.Created;
}
