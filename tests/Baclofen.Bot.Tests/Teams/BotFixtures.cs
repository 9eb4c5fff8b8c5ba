using System.Text.Json;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Tests.Teams;

/// <summary>The recorded Agents Playground activities, found from the folder holding the solution.</summary>
internal static class BotFixtures
{
    public static Activity Load(string name)
    {
        var path = Path.Combine(RepositoryRoot.Find(), "tests", "fixtures", "agents-playground", name);
        return JsonSerializer.Deserialize<Activity>(File.ReadAllText(path), ProtocolJson.Options)
            ?? throw new InvalidOperationException($"{name} is empty");
    }
}
