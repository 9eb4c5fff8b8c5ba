namespace Baclofen.Bot.Protocol.Authentication;

/// <summary>A request with the bot's credentials was about to go to a service URL that no authenticated
/// activity vouched for. Nothing was sent.</summary>
public sealed class UntrustedServiceUrlException(string host)
    : InvalidOperationException($"Refused to send the bot's token to untrusted service host {host}.")
{
    public string Host { get; } = host;
}
