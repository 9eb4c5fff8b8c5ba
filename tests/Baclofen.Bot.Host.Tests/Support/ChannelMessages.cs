using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot.Host.Tests.Support;

/// <summary>
/// A user message as each channel the bot supports sends it, built from the captured fixtures
/// with only the text replaced. In Teams group chats and channels the text carries the bot's
/// @mention (and the fixture its mention entity), as Teams delivers it.
/// </summary>
internal static class ChannelMessages
{
    public const string Emulator = "emulator";
    public const string TeamsPersonal = "msteams-personal";
    public const string TeamsGroupChat = "msteams-groupChat";
    public const string TeamsChannel = "msteams-channel";
    public const string WebChat = "webchat";
    public const string DirectLine = "directline";

    public const string BotMention = "<at>Test Bot</at>";

    public static readonly string[] All = [Emulator, TeamsPersonal, TeamsGroupChat, TeamsChannel, WebChat, DirectLine];

    public static bool IsTeams(string channel) => channel.StartsWith("msteams", StringComparison.Ordinal);

    public static bool IsTeamsGroupOrChannel(string channel) => channel is TeamsGroupChat or TeamsChannel;

    public static JsonObject Message(string channel, string text, Uri serviceUrl)
    {
        var (fixture, withMention) = channel switch
        {
            Emulator => ("emulator-message-personal.json", false),
            TeamsPersonal => ("msteams-message-personal.json", false),
            TeamsGroupChat => ("msteams-message-groupChat-mention.json", true),
            TeamsChannel => ("msteams-message-channel-mention.json", true),
            WebChat => ("webchat-message.json", false),
            DirectLine => ("directline-message.json", false),
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
        };

        var activity = Fixtures.Activity(fixture, serviceUrl);
        // A text that already starts with the mention (the brief's "<at>Test Bot</at> he stopped
        // breathing") is sent as written.
        activity["text"] = withMention && !text.StartsWith(BotMention, StringComparison.Ordinal) ? $"{BotMention} {text}" : text;
        return activity;
    }

    /// <summary>Safety:EmergencyResponse from the repository's appsettings.json, as the bot reads it.</summary>
    public static string EmergencyResponse { get; } = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: false)
        .Build()["Safety:EmergencyResponse"]
        ?? throw new InvalidOperationException("appsettings.json has no Safety:EmergencyResponse");
}
