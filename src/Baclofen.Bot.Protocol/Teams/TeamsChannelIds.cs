namespace Baclofen.Bot.Protocol.Teams;

/// <summary>Channel ids of the Bot Framework channels whose activities carry the Teams shape.</summary>
public static class TeamsChannelIds
{
    public const string MsTeams = "msteams";

    public static bool IsTeams(string? channelId) => string.Equals(channelId, MsTeams, StringComparison.OrdinalIgnoreCase);
}
