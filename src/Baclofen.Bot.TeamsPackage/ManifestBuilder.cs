using System.Text.Json.Nodes;

namespace Baclofen.Bot.TeamsPackage;

/// <summary>The Teams app manifest, schema 1.19, for a bot-only app.</summary>
public static class ManifestBuilder
{
    public const string ManifestVersion = "1.19";
    public const string SchemaUrl = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.schema.json";
    public const string AccentColor = "#2B7A78";
    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";

    public const string ShortName = "Baclofen FAQ";
    public const string FullName = "Baclofen FAQ Bot";
    public const string ShortDescription = "Answers common questions about baclofen. Not medical advice.";

    public const string FullDescription =
        "Baclofen FAQ Bot answers common questions about baclofen, a medicine for muscle stiffness and spasms " +
        "that is also used for alcohol use disorder: how it works, how to take it, side effects, stopping it " +
        "safely, interactions with alcohol and other medicines, and addiction. Answers come from a curated FAQ; " +
        "each one names its source and carries a disclaimer.\n\n" +
        "This bot is not medical advice and does not know your medical history. Ask your doctor or pharmacist " +
        "about your own treatment. In an emergency, call your local emergency number now; do not wait for a " +
        "chat reply.\n\n" +
        "In a personal chat, just ask. In a group chat or channel, @mention the bot with your question.";

    private static readonly string[] Scopes = ["personal", "team", "groupChat"];

    public static JsonObject Build(ValidatedPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = package.Version,
            ["id"] = package.AppId.ToString("D"),
            ["developer"] = new JsonObject
            {
                ["name"] = package.DeveloperName,
                ["websiteUrl"] = package.WebsiteUrl.AbsoluteUri,
                ["privacyUrl"] = package.PrivacyUrl.AbsoluteUri,
                ["termsOfUseUrl"] = package.TermsOfUseUrl.AbsoluteUri,
            },
            ["name"] = new JsonObject { ["short"] = ShortName, ["full"] = FullName },
            ["description"] = new JsonObject { ["short"] = ShortDescription, ["full"] = FullDescription },
            ["icons"] = new JsonObject { ["color"] = ColorIconFile, ["outline"] = OutlineIconFile },
            ["accentColor"] = AccentColor,
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = package.BotId.ToString("D"),
                ["scopes"] = Strings(Scopes),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                // The schema accepts one list for several scopes, but the docs ask for a list per scope.
                ["commandLists"] = new JsonArray([.. Scopes.Select(scope => (JsonNode)new JsonObject
                {
                    ["scopes"] = Strings([scope]),
                    ["commands"] = Commands(),
                })]),
            }),
            // identity: the bot sees who asks; messageTeamMembers: it can reply in 1:1 chats.
            ["permissions"] = Strings(["identity", "messageTeamMembers"]),
            ["validDomains"] = Strings(package.ValidDomains),
        };
    }

    private static JsonArray Commands() => new([.. BotCommands.All.Select(c => (JsonNode)new JsonObject
    {
        ["title"] = c.Title,
        ["description"] = c.Description,
    })]);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
