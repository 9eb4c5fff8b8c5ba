namespace Baclofen.Bot.Protocol.Connector;

/// <summary>
/// The bot's identity, under the top-level keys Bot Framework users already know
/// (MicrosoftAppId, MicrosoftAppPassword, ...), so environment variables of the same names
/// override appsettings.json.
/// </summary>
public sealed class BotCredentialsOptions
{
    public string? MicrosoftAppType { get; set; }
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
