using System.Text.Json.Nodes;
using Baclofen.Bot.Protocol.Schema;

namespace Baclofen.Bot.Replies;

/// <summary>
/// Writes the reply contract (design.md): every reply from the pipeline carries
/// <c>channelData.faqBot</c>. Channel-specific channelData already on the activity is kept.
/// </summary>
public static class FaqBotChannelData
{
    public const string Key = "faqBot";

    public static Activity WithFaqBot(this Activity activity, JsonObject faqBot)
    {
        activity.ChannelData ??= new JsonObject();
        activity.ChannelData[Key] = faqBot;
        return activity;
    }

    public static JsonObject? ReadFaqBot(this Activity activity) => activity.ChannelData?[Key] as JsonObject;
}
