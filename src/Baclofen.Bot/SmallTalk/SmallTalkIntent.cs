namespace Baclofen.Bot.SmallTalk;

public enum SmallTalkIntent
{
    Greeting,
    Thanks,
    Goodbye,
    Help,
    Identity,
}
