using System.Text.Json;
using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Protocol.Tests.Support;

/// <summary>The captured Agents Playground activities, copied next to the test binaries.</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "agents-playground");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static Activity Activity(string name) =>
        JsonSerializer.Deserialize<Activity>(Text(name), ProtocolJson.Options)
        ?? throw new InvalidOperationException($"{name} is JSON null");

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    /// <summary>Every fixture that is a single activity (the ones starting with _ are recordings).</summary>
    public static IEnumerable<object[]> ActivityFileNames() =>
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Select(Path.GetFileName)
            .Where(n => n is not null && !n.StartsWith('_') && n != "directline-start-conversation.json")
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new object[] { n! });
}
