using Baclofen.Bot.Host.DirectLine;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Protocol.Schema;
using Baclofen.Bot.Replies;

namespace Baclofen.Bot.Host.Tests.DirectLine;

/// <summary>
/// A stand-in for the real bot behind <see cref="IDirectLineBot"/> (the adapter lands on
/// another branch): replies shaped exactly as the bot's reply contract, built with the bot's
/// own ReplyActivityFactory, for a handful of scripted messages.
/// </summary>
public sealed class ClinicTestBot : IDirectLineBot
{
    public const string EmergencyText = "This may be a medical emergency. Call 911 now (or your local emergency number). Do not wait for this chat.";
    public const string OnsetAnswer = "Baclofen tablets and liquid usually begin to act about an hour after a dose.";
    public const string DosingDisclaimer = "This is general information, not medical advice. Never change how much or how often you take baclofen without talking to your prescriber first.";
    public const string SideEffectsAnswer = "The most common side effects are drowsiness, dizziness, weakness and tiredness.";
    public const string OverdoseAnswer = "Signs of too much baclofen include severe drowsiness, slow breathing and confusion.";
    public const string OnsetQuestion = "Does baclofen work immediately?";
    public const string SideEffectsQuestion = "What are the common side effects?";

    private int _turns;

    public List<Activity> Received { get; } = [];

    public bool Fail { get; set; }

    public int Turns => Volatile.Read(ref _turns);

    public Task<IReadOnlyList<Activity>> ProcessAsync(Activity incoming, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _turns);
        lock (Received)
        {
            Received.Add(incoming);
        }

        if (Fail)
        {
            throw new InvalidOperationException("scripted failure");
        }

        IReadOnlyList<Activity> replies = incoming.Type switch
        {
            ActivityTypes.ConversationUpdate when incoming.MembersAdded?.Any(m => m.Id != incoming.Recipient?.Id) == true => [Welcome()],
            ActivityTypes.Message => Answer(incoming.Text ?? string.Empty),
            _ => [],
        };
        return Task.FromResult(replies);
    }

    private static Activity Welcome() => ReplyActivityFactory.ToActivity(new BotReply(ReplyKind.SmallTalk, BotTexts.Welcome)
    {
        Choices = [new(OnsetQuestion, OnsetQuestion), new(SideEffectsQuestion, SideEffectsQuestion)],
    });

    private static List<Activity> Answer(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Contains("too many") || lower.Contains("overdose"))
        {
            return
            [
                ReplyActivityFactory.ToActivity(new BotReply(ReplyKind.Emergency, EmergencyText) { Trigger = "overdose" }),
                AnswerReply("overdose-symptoms", OverdoseAnswer),
            ];
        }

        if (lower.Contains("immediately") || lower.Contains("kick in"))
        {
            return [AnswerReply("onset", OnsetAnswer, new ReplyChoice(SideEffectsQuestion, SideEffectsQuestion))];
        }

        if (lower.Contains("side effects"))
        {
            return [AnswerReply("side-effects-common", SideEffectsAnswer)];
        }

        if (text.Contains('<'))
        {
            // A careless bot that quotes raw input back as Markdown: the widget must still render it inert.
            return [ReplyActivityFactory.ToActivity(new BotReply(ReplyKind.Fallback, "You wrote: " + text + " <img src=x onerror=\"window.__botXss=1\"> <script>window.__botXss=2</script>"))];
        }

        return [ReplyActivityFactory.ToActivity(new BotReply(ReplyKind.Fallback, BotTexts.Fallback))];
    }

    private static Activity AnswerReply(string faqId, string answer, params ReplyChoice[] choices) =>
        ReplyActivityFactory.ToActivity(new BotReply(ReplyKind.Answer, answer + "\n\n*" + DosingDisclaimer + "*")
        {
            FaqId = faqId,
            Score = 0.82,
            DisclaimerKey = "dosing",
            Choices = choices,
        });
}
