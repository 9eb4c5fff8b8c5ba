using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Pipeline.Context;
using Baclofen.Bot.Pipeline.Feedback;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.SmallTalk;

namespace Baclofen.Bot.Pipeline;

/// <summary>
/// Steps 1 to 5 of a turn (design.md) as plain C#: normalise, safety gate, small talk,
/// retrieval, compose. No HTTP and no Bot Framework types, so the bot, the tests and the
/// evaluation command all run exactly this code. A conversation's memory comes in and the
/// updated memory goes out with the result; <see cref="Process(string?)"/> is a first turn.
/// </summary>
public sealed class TurnPipeline
{
    private static readonly string[] ExampleIds = ["onset", "side-effects-common", "alcohol-interaction", "stopping"];
    private static readonly string HelpfulKey = Key(FeedbackReader.HelpfulValue);
    private static readonly string NotHelpfulKey = Key(FeedbackReader.NotHelpfulValue);
    private static readonly string NoneOfTheseKey = Key(BotTexts.NoneOfThese);

    private readonly IEmergencyDetector _detector;
    private readonly ContextualRetrieval _retrieval;
    private readonly FeedbackReader _feedback = new();
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
        _retrieval = new ContextualRetrieval(retriever, catalog);
        _catalog = catalog;
        _smallTalk = smallTalk;
        _options = options;
        _composer = new AnswerComposer(catalog, options.ShowSources);
        _byCanonicalQuestion = catalog.Entries.ToDictionary(e => Key(e.CanonicalQuestion), StringComparer.Ordinal);
        // Read-only and built once: help, welcome and fallback replies share it.
        ExampleChoices = Array.AsReadOnly(ExampleIds.Where(id => catalog.TryGet(id, out _)).Select(id => Choice(catalog[id])).ToArray());
    }

    /// <summary>The FAQ this pipeline answers from.</summary>
    public FaqCatalog Catalog => _catalog;

    /// <summary>The buttons offered with help, welcome and fallback.</summary>
    public IReadOnlyList<ReplyChoice> ExampleChoices { get; }

    public BotReply Welcome() => new(ReplyKind.SmallTalk, BotTexts.Welcome) { Choices = ExampleChoices };

    /// <summary>A turn with no history: what the evaluation runs, one line at a time.</summary>
    public TurnResult Process(string? rawText) => Process(rawText, ConversationMemory.Empty);

    public TurnResult Process(string? rawText, ConversationMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        // Pending feedback and offered choices last one message: a reply to anything else drops them.
        var carried = memory with { FeedbackPendingFor = null, OfferedFaqIds = [] };
        var text = MessageNormalizer.Normalize(rawText);
        if (text.Length == 0)
        {
            return new TurnResult([new BotReply(ReplyKind.Fallback, BotTexts.EmptyMessage)], EmergencyAssessment.None, null, null) { Memory = carried };
        }

        // The gate reads the whole raw message before anything else, whatever the conversation so far.
        var emergency = _detector.Assess(text);
        var replies = new List<BotReply>();
        if (emergency.IsEmergency)
        {
            replies.Add(new BotReply(ReplyKind.Emergency, _options.EmergencyResponse) { Trigger = emergency.Trigger, Detector = emergency.Detector });
            // An emergency changes the subject: nothing said before it frames what comes after.
            carried = ConversationMemory.Empty;
            memory = ConversationMemory.Empty;
            if (!emergency.IsInformational)
            {
                return new TurnResult(replies, emergency, null, null) { Memory = carried };
            }
        }

        var question = MessageNormalizer.Truncate(text, _options.MaxMessageLength);
        string? withoutGreeting = null;
        if (!emergency.IsEmergency)
        {
            if (memory.FeedbackPendingFor is { } ratedId && _feedback.Read(question) is bool helpful)
            {
                var thanks = new BotReply(ReplyKind.SmallTalk, helpful ? BotTexts.FeedbackThanks : BotTexts.FeedbackSorry)
                {
                    Choices = helpful ? [] : ExampleChoices,
                };
                return new TurnResult([thanks], emergency, null, null) { Feedback = new FeedbackGiven(ratedId, helpful), Memory = carried };
            }

            // A feedback button clicked late (Teams keeps card buttons in the history) is thanked, not counted.
            var key = Key(question);
            if (key == HelpfulKey || key == NotHelpfulKey)
            {
                return new TurnResult([new BotReply(ReplyKind.SmallTalk, BotTexts.FeedbackThanks)], emergency, null, null) { Memory = carried };
            }

            if (key == NoneOfTheseKey)
            {
                return new TurnResult([new BotReply(ReplyKind.SmallTalk, BotTexts.NoneOfTheseReply) { Choices = ExampleChoices }], emergency, null, null) { Memory = carried };
            }

            // One reading gives both: the small-talk intent, or the question without its greeting.
            var (intent, remainder) = _smallTalk.Read(question);
            if (intent is not null)
            {
                return new TurnResult([SmallTalkReply(intent.Value)], emergency, null, intent) { Memory = carried };
            }

            withoutGreeting = remainder;
        }

        question = withoutGreeting ?? _smallTalk.StripLeadingGreeting(question);
        var chosen = ChosenEntry(question, memory);
        var found = chosen is not null
            ? new ContextualResult(new RetrievalResult(RetrievalOutcome.Answer, [new ScoredEntry(chosen, 1.0)]), question, false)
            : _retrieval.Retrieve(question, memory.PreviousFaqId);
        var retrieval = found.Result;

        switch (retrieval.Outcome)
        {
            case RetrievalOutcome.Answer:
                var answer = AnswerReply(retrieval.Candidates[0], askFeedback: !emergency.IsEmergency);
                replies.Add(answer);
                carried = carried with
                {
                    PreviousFaqId = answer.FaqId,
                    FeedbackPendingFor = answer.AsksFeedback ? answer.FaqId : null,
                };
                break;
            case RetrievalOutcome.Clarify:
                var clarify = ClarifyReply(retrieval.Candidates);
                replies.Add(clarify);
                carried = carried with { OfferedFaqIds = clarify.Candidates };
                break;
            case RetrievalOutcome.Fallback when !emergency.IsEmergency:
                // After an emergency reply, a fallback would only bury the instruction to call 911.
                replies.Add(FallbackReply());
                break;
        }

        return new TurnResult(replies, emergency, retrieval, null)
        {
            RetrievalQuery = found.Query,
            UsedContext = found.UsedContext,
            Memory = carried,
        };
    }

    // A button click sends the canonical question back; after a "did you mean", "2" or "the
    // second one" picks from the choices just offered.
    private FaqEntry? ChosenEntry(string question, ConversationMemory memory)
    {
        if (_byCanonicalQuestion.TryGetValue(Key(question), out var entry))
        {
            return entry;
        }

        var position = ChoiceOrdinal.Read(question);
        return position is int i && i < memory.OfferedFaqIds.Count && _catalog.TryGet(memory.OfferedFaqIds[i], out var offered)
            ? offered
            : null;
    }

    private BotReply AnswerReply(ScoredEntry best, bool askFeedback)
    {
        var entry = best.Entry;
        var followUps = entry.Related
            .Where(id => _catalog.TryGet(id, out _))
            .Take(_options.MaxFollowUps)
            .Select(id => Choice(_catalog[id]))
            .ToList();
        if (askFeedback && _options.AskFeedback)
        {
            // The buttons ask the question themselves, so the disclaimer stays the answer's last line.
            followUps.Add(new ReplyChoice(BotTexts.HelpfulButton, FeedbackReader.HelpfulValue));
            followUps.Add(new ReplyChoice(BotTexts.NotHelpfulButton, FeedbackReader.NotHelpfulValue));
        }

        return new BotReply(ReplyKind.Answer, _composer.Compose(entry))
        {
            FaqId = entry.Id,
            Score = Math.Round(Math.Clamp(best.Confidence, 0, 1), 3),
            DisclaimerKey = entry.DisclaimerKey,
            Choices = followUps,
            AsksFeedback = askFeedback && _options.AskFeedback,
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
    private static string Key(string text)
    {
        // Runs on every message: a span copy instead of LINQ over characters.
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
