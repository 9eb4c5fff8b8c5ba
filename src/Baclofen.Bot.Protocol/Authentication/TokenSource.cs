namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>Who vouched for an accepted request.</summary>
public enum TokenSource
{
    /// <summary>Authentication is disabled (no MicrosoftAppId); nobody vouched.</summary>
    Anonymous,
    BotConnector,
    Emulator,
}
