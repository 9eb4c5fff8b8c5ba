namespace Baclofen.Bot.Safety.Emergency;

/// <summary>The safety gate: decides from the text alone whether a message needs the emergency
/// response, and whether it reports an emergency or only asks about one.</summary>
/// <remarks>
/// Evidence comes from phrase rules (<see cref="EmergencyRules"/>), amounts taken
/// (<see cref="IngestionReader"/>), withdrawal (<see cref="WithdrawalReader"/>), despair
/// (<see cref="DespairReader"/>) and symptoms that only matter together with too much medicine
/// or a plea for help (<see cref="CombinationReader"/>). Any report
/// makes the message a report; otherwise any topic makes it informational. When in doubt the
/// rules fire: a false alarm costs one extra message, a miss can cost a life.
/// Thread-safe and allocation-light; one instance serves the whole application.
/// </remarks>
public sealed class EmergencyDetector : IEmergencyDetector
{
    // When several categories fire, the one whose emergency text matters most is reported:
    // self-harm first (a crisis line), then what needs an ambulance soonest.
    private static readonly EmergencyCategory[] Priority =
    [
        EmergencyCategory.SelfHarm,
        EmergencyCategory.SevereWithdrawal,
        EmergencyCategory.Breathing,
        EmergencyCategory.Unresponsive,
        EmergencyCategory.Seizure,
        EmergencyCategory.AllergicSwelling,
        EmergencyCategory.Overdose,
    ];

    private readonly IngestionReader _ingestion;
    private readonly DespairReader _despair;

    public EmergencyDetector() : this(new SafetyOptions())
    {
    }

    public EmergencyDetector(SafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ingestion = new IngestionReader(options.Ingestion ?? new IngestionThresholds());
        _despair = new DespairReader(IngestionReader.Amounts);
    }

    public EmergencyAssessment Assess(string text)
    {
        var signals = Gather(text, out var analysed, out var framing, out var vetoes);
        return Decide(signals, analysed, framing, vetoes);
    }

    /// <summary>The assessment with the evidence behind it (rule names, never message text),
    /// for tests and diagnostics.</summary>
    public EmergencyExplanation Explain(string? text)
    {
        var signals = Gather(text, out var analysed, out var framing, out var vetoes);
        return new EmergencyExplanation(Decide(signals, analysed, framing, vetoes), signals.Select(s => $"{s.Category} {(s.IsReport ? "report" : "topic")}: {s.Source}").ToList());
    }

    private List<Signal> Gather(string? text, out AnalysedText? analysed, out Framing? framing, out Vetoes? vetoes)
    {
        var signals = new List<Signal>();
        analysed = null;
        framing = null;
        vetoes = null;
        if (string.IsNullOrWhiteSpace(text)) return signals;

        analysed = new AnalysedText(text);
        framing = new Framing(analysed);
        var rules = PatternIndex.Rules;
        // Only the rules a word, spelling or concept of the message can start are tried, as bits
        // so the walk below visits those and nothing else, in the rules' listed order.
        Span<ulong> active = stackalloc ulong[PatternIndex.VetoRules.Length];
        foreach (int r in PatternIndex.Unanchored) active[r >> 6] |= 1UL << r;
        // For messages of up to 64 tokens the same walk also notes, per rule, the tokens it can
        // start on, so a rule is tried at those and never scans the message for them.
        var startsTable = analysed.Count <= 64 ? RuleStarts.Rent(rules.Length) : null;
        Span<ulong> starts = startsTable;
        for (int t = 0; t < analysed.Count; t++)
        {
            Activate(active, starts, t, analysed.WordIds[t]);
            if (analysed.CanonicalIds[t] != analysed.WordIds[t]) Activate(active, starts, t, analysed.CanonicalIds[t]);
            Activate(active, starts, t, analysed.ConceptIds[t]);
        }

        vetoes = new Vetoes(analysed.Count);
        var vetoRules = PatternIndex.VetoRules;
        for (int w = 0; w < active.Length; w++)
            for (ulong bits = active[w] & vetoRules[w]; bits != 0; bits &= bits - 1)
            {
                int r = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                var rule = rules[r];
                var matches = Matches(rule, r, analysed, starts);
                for (int m = 0; m < matches.Count; m++) vetoes.Add(rule, matches[m]);
            }

        FigurativeUse.Mark(analysed, vetoes);
        var evidenceRules = PatternIndex.EvidenceRules;
        for (int w = 0; w < active.Length; w++)
            for (ulong bits = active[w] & evidenceRules[w]; bits != 0; bits &= bits - 1)
            {
                int r = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                var rule = rules[r];
                var matches = Matches(rule, r, analysed, starts);
                for (int m = 0; m < matches.Count; m++)
                {
                    var match = matches[m];
                    if (vetoes.IsVetoedFor(rule.Category, match)) continue;
                    var signal = Judge(rule, match, analysed, framing);
                    if (signal is null) continue;
                    if (signal.IsReport && vetoes.IsHypothetical(match)) signal = signal with { IsReport = false };
                    signals.Add(signal);
                }
            }
        if (startsTable is not null) RuleStarts.Return(startsTable, active);

        _ingestion.Read(analysed, framing, vetoes, signals);
        WithdrawalReader.Read(analysed, framing, vetoes, signals);
        _despair.Read(analysed, framing, vetoes, signals);
        CombinationReader.Read(analysed, framing, vetoes, signals);
        ChildIngestionReader.Read(analysed, framing, vetoes, signals);
        VeiledSelfHarmReader.Read(analysed, vetoes, signals);
        return signals;
    }

    private static void Activate(Span<ulong> active, Span<ulong> starts, int token, int id)
    {
        if (id == 0) return;
        if (starts.IsEmpty)
        {
            foreach (int r in PatternIndex.RulesStartingWith(id)) active[r >> 6] |= 1UL << r;
            return;
        }
        foreach (int r in PatternIndex.RulesStartingWith(id))
        {
            active[r >> 6] |= 1UL << r;
            starts[r] |= 1UL << token;
        }
    }

    // An active rule with no starts noted can start anywhere (or the message is too long to note them).
    private static IReadOnlyList<int[]> Matches(Rule rule, int r, AnalysedText analysed, Span<ulong> starts)
        => starts.IsEmpty || starts[r] == 0 ? rule.Pattern.Matches(analysed) : rule.Pattern.Matches(analysed, starts[r]);

    private static Signal? Judge(Rule rule, int[] match, AnalysedText text, Framing framing)
    {
        int anchor = match[0];
        bool question = framing.IsQuestion(anchor);
        bool general = framing.IsGeneral(anchor);
        bool negated = Negation.IsNegated(text, match);
        string source = rule.Pattern.Source;

        if (negated && !question && rule.Negation == NegationPolicy.Honour) return null;
        if (general && rule.QuietWhenGeneral) return null;
        return rule.Kind switch
        {
            RuleKind.Report => new Signal(rule.Category, !negated && !general, anchor, source),
            RuleKind.Topic => new Signal(rule.Category, false, anchor, source),
            RuleKind.QuestionTopic when question || framing.IsHeading(anchor) => new Signal(rule.Category, false, anchor, source),
            _ => null,
        };
    }

    private static EmergencyAssessment Decide(List<Signal> signals, AnalysedText? text, Framing? framing, Vetoes? vetoes)
    {
        if (signals.Count == 0) return EmergencyAssessment.None;
        // Reports decide the category when there are any; otherwise every topic does.
        bool anyReport = false;
        foreach (var s in signals) anyReport |= s.IsReport;
        // A question about the topic only raises the alarm when it names a word of the card.
        bool alarm = anyReport || CardKeywords.AreNamedIn(text!, signals, framing!, vetoes!);
        foreach (var category in Priority)
            foreach (var s in signals)
                if (s.Category == category && (s.IsReport || !anyReport))
                    return new EmergencyAssessment(alarm, category, IsInformational: !anyReport) { Detectors = alarm ? EmergencyDetectors.Rules : EmergencyDetectors.None };
        throw new InvalidOperationException("A signal of a category missing from the priority list.");
    }
}

/// <summary>An assessment and the evidence that produced it (rule sources), for tests and logs
/// that must not contain the message text.</summary>
public sealed record EmergencyExplanation(EmergencyAssessment Assessment, IReadOnlyList<string> Evidence);
