using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.SmallTalk;

namespace Baclofen.Bot.Pipeline;

/// <summary>
/// Steps 1 to 5 of a turn (design.md) as plain C#: normalise, safety gate, small talk,
/// retrieval, compose. No HTTP and no Bot Framework types, so the bot, the tests and the
/// evaluation command all run exactly this code.
/// </summary>
public sealed class TurnPipeline
{
    private static readonly string[] ExampleIds = ["onset", "side-effects-common", "alcohol-interaction", "stopping"];

    private readonly IEmergencyDetector _detector;
    private readonly IFaqRetriever _retriever;
    private readonly FaqCatalog _catalog;
    private readonly SmallTalkRecognizer _smallTalk;
    private readonly AnswerComposer _composer;
    private readonly PipelineOptions _options;
    private readonly Dictionary<string, FaqEntry> _byCanonicalQuestion;

    public TurnPipeline(IEmergencyDetector detector, IFaqRetriever retriever, FaqCatalog catalog, SmallTalkRecognizer smallTalk, PipelineOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.EmergencyResponse))
        {
            throw new ArgumentException("Safety:EmergencyResponse must be configured: the bot never runs without it.", nameof(options));
        }

        _detector = detector;
        _retriever = retriever;
        _catalog = catalog;
        _smallTalk = smallTalk;
        _options = options;
        _composer = new AnswerComposer(catalog, options.ShowSources);
        _byCanonicalQuestion = catalog.Entries.ToDictionary(e => Key(e.CanonicalQuestion), StringComparer.Ordinal);
    }

    /// <summary>The buttons offered with help, welcome and fallback.</summary>
    public IReadOnlyList<ReplyChoice> ExampleChoices =>
        [.. ExampleIds.Where(id => _catalog.TryGet(id, out _)).Select(id => Choice(_catalog[id]))];

    public BotReply Welcome() => new(ReplyKind.SmallTalk, BotTexts.Welcome) { Choices = ExampleChoices };

    public TurnResult Process(string? rawText)
    {
        var text = MessageNormalizer.Normalize(rawText);
        if (text.Length == 0)
        {
            return new TurnResult([new BotReply(ReplyKind.Fallback, BotTexts.EmptyMessage)], EmergencyAssessment.None, null, null);
        }

        // The gate reads the whole message: an emergency may be buried at the end of a long one.
        var emergency = _detector.Assess(text);
        var replies = new List<BotReply>();
        if (emergency.IsEmergency)
        {
            replies.Add(new BotReply(ReplyKind.Emergency, _options.EmergencyResponse) { Trigger = emergency.Trigger });
            if (!emergency.IsInformational)
            {
                return new TurnResult(replies, emergency, null, null);
            }
        }

        var question = MessageNormalizer.Truncate(text, _options.MaxMessageLength);
        if (!emergency.IsEmergency)
        {
            if (Key(question) == Key(BotTexts.NoneOfThese))
            {
                return new TurnResult([new BotReply(ReplyKind.SmallTalk, BotTexts.NoneOfTheseReply) { Choices = ExampleChoices }], emergency, null, null);
            }

            var intent = _smallTalk.Recognize(question);
            if (intent is not null)
            {
                return new TurnResult([SmallTalkReply(intent.Value)], emergency, null, intent);
            }
        }

        question = _smallTalk.StripLeadingGreeting(question);
        var retrieval = _byCanonicalQuestion.TryGetValue(Key(question), out var chosen)
            ? new RetrievalResult(RetrievalOutcome.Answer, [new ScoredEntry(chosen, 1.0)])
            : _retriever.Retrieve(question);

        switch (retrieval.Outcome)
        {
            case RetrievalOutcome.Answer:
                replies.Add(AnswerReply(retrieval.Candidates[0]));
                break;
            case RetrievalOutcome.Clarify:
                replies.Add(ClarifyReply(retrieval.Candidates));
                break;
            case RetrievalOutcome.Fallback when !emergency.IsEmergency:
                // After an emergency reply, a fallback would only bury the instruction to call 911.
                replies.Add(FallbackReply());
                break;
        }

        return new TurnResult(replies, emergency, retrieval, null) { RetrievalQuery = question };
    }

    private BotReply AnswerReply(ScoredEntry best)
    {
        var entry = best.Entry;
        var followUps = entry.Related
            .Where(id => _catalog.TryGet(id, out _))
            .Take(_options.MaxFollowUps)
            .Select(id => Choice(_catalog[id]))
            .ToList();

        return new BotReply(ReplyKind.Answer, _composer.Compose(entry))
        {
            FaqId = entry.Id,
            Score = Math.Round(Math.Clamp(best.Confidence, 0, 1), 3),
            DisclaimerKey = entry.DisclaimerKey,
            Choices = followUps,
        };
    }

    private static BotReply ClarifyReply(IReadOnlyList<ScoredEntry> candidates)
    {
        var offered = candidates.Take(3).ToList();
        return new BotReply(ReplyKind.Clarify, BotTexts.Clarify)
        {
            Candidates = [.. offered.Select(c => c.Entry.Id)],
            Choices = [.. offered.Select(c => Choice(c.Entry)), new ReplyChoice(BotTexts.NoneOfThese, BotTexts.NoneOfThese)],
        };
    }

    private BotReply FallbackReply()
    {
        var text = BotTexts.Fallback;
        if (_catalog.Disclaimers.TryGetValue(_options.GeneralDisclaimerKey, out var general))
        {
            text += "\n\n" + AnswerComposer.DisclaimerLine(general);
        }

        return new BotReply(ReplyKind.Fallback, text) { Choices = ExampleChoices };
    }

    private BotReply SmallTalkReply(SmallTalkIntent intent) => intent switch
    {
        SmallTalkIntent.Help => new BotReply(ReplyKind.SmallTalk, BotTexts.Help) { Choices = ExampleChoices },
        SmallTalkIntent.Greeting => new BotReply(ReplyKind.SmallTalk, BotTexts.Greeting) { Choices = ExampleChoices },
        SmallTalkIntent.Thanks => new BotReply(ReplyKind.SmallTalk, BotTexts.Thanks),
        SmallTalkIntent.Goodbye => new BotReply(ReplyKind.SmallTalk, BotTexts.Goodbye),
        SmallTalkIntent.Identity => new BotReply(ReplyKind.SmallTalk, BotTexts.Identity) { Choices = ExampleChoices },
        _ => throw new ArgumentOutOfRangeException(nameof(intent)),
    };

    private static ReplyChoice Choice(FaqEntry entry) => new(entry.CanonicalQuestion, entry.CanonicalQuestion);

    // Button clicks come back as the canonical question's text; compare without case or punctuation.
    private static string Key(string text) =>
        new string([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
