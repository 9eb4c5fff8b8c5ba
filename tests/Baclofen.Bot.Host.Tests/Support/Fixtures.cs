using System.Text.Json.Nodes;

namespace Baclofen.Bot.Host.Tests.Support;

/// <summary>The captured Agents Playground activities, copied next to the test binaries.</summary>
internal static class Fixtures
{
    public static JsonObject Json(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "agents-playground", name)))!.AsObject();

    /// <summary>A captured FAQ question with deliveryMode expectReplies: the answer comes back in the response, no connector needed.</summary>
    public static JsonObject ExpectRepliesQuestion() => Json("emulator-expectReplies-message.json");

    /// <summary>A captured activity, readdressed so the bot's replies reach this test's channel server.</summary>
    public static JsonObject Activity(string name, Uri serviceUrl)
    {
        var activity = Json(name);
        activity["serviceUrl"] = serviceUrl.AbsoluteUri;
        return activity;
    }
}
