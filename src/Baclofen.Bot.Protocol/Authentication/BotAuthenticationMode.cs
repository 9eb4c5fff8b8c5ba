namespace Baclofen.Bot.Protocol.Authentication;

public enum BotAuthenticationMode
{
    /// <summary>No <c>MicrosoftAppId</c>: inbound requests are accepted anonymously and replies carry no
    /// token. For a local Emulator session only.</summary>
    Disabled,

    /// <summary>Every inbound request needs a valid Bot Connector or Emulator token; replies carry the
    /// bot's own token (MSAL: secret, certificate or managed identity), and only to trusted service URLs.</summary>
    Enabled,
}
