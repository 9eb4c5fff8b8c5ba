using System.Text.Json;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Tests.Teams;

/// <summary>The recorded Agents Playground activities, found from the folder holding the solution.</summary>
internal static class TeamsFixtures
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot.Find(), "tests", "fixtures", "agents-playground");

    public static Activity Load(string name) =>
        JsonSerializer.Deserialize<Activity>(ReadText(name), ProtocolJson.Options)
        ?? throw new InvalidOperationException($"{name} is empty");

    public static string ReadText(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static IEnumerable<string> Named(string pattern) =>
        System.IO.Directory.GetFiles(Directory, pattern).Select(Path.GetFileName).OfType<string>().Order();
}
