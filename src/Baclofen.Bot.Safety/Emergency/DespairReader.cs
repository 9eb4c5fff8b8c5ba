using Baclofen.Bot.Safety.Recognizers;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Self-harm said without saying it: despair together with the means ("i'm alone
/// tonight with a full bottle"), or despair said twice ("everything is pointless, i'm a
/// burden"). Each cue alone is ordinary talk about a hard illness; together they are not.</summary>
internal sealed class DespairReader
{
    /// <summary>Every pattern this reader uses (for the typo-tolerant vocabulary).</summary>
    public static IEnumerable<Pattern> Patterns => [.. Cues, .. Means];

    private static readonly Pattern[] Cues =
    [
        new("hopeless|worthless|pointless|meaningless|unbearable|trapped|burden|numb|empty|lonely|alone|hopelessness"),
        new("give|giving|gave|given up $"),
        new("give|giving|gave|given up on life|everything|myself|living|trying"),
        new("no|nothing reason|hope|future|way|left"),
        new("cant|cannot|couldnt go|carry on"),
        new("cant|cannot|couldnt cope|take|do *1 it|this|anymore"),
        new("want|wanna|wanted out $"),
        new("want|wanna|wish *2 disappear|vanish|gone|sleep"),
        new("goodbye|farewell"),
        new("bye forever"),
        new("im|am *1 done $"),
        new("sorry *1 for everything"),
        new("forgive me"),
        new("hate *1 my? life|myself|living"),
        new("tired|sick|exhausted *1 of|with everything|it|life|living|trying|fighting"),
        new("nobody|noone|one *2 care|cares|miss|notice|understand|understands"),
        new("whats|what the point"),
        new("tonight|tonights is? the night"),
    ];

    private static readonly Pattern[] Means =
    [
        new("stash|stashed|saved|hoard|hoarded|hoarding|stockpile|stockpiled|enough|LETHAL|OVERDOSE"),
        new("PILL|CONTAINER|pills|tablets *2 ready|here|front|next|beside|counted|out|lined"),
        new("got|have|ive|gathered|collected *2 my|the|all|enough|every *1 pills|tablets|PILL|CONTAINER"),
    ];

    private static readonly HashSet<string> Rhetorical = new(StringComparer.Ordinal) { "whats", "what" };

    private readonly QuantityRecognizer _amounts;

    public DespairReader(QuantityRecognizer amounts) => _amounts = amounts;

    private static readonly PatternSet AnyCue = new(Cues);

    public void Read(AnalysedText text, Framing framing, Vetoes vetoes, List<Signal> into)
    {
        // Nothing without a cue of despair.
        if (!AnyCue.MayMatch(text)) return;
        List<int[]>? cues = null;
        foreach (var pattern in Cues)
        {
            var matches = pattern.Matches(text);
            for (int m = 0; m < matches.Count; m++)
                if (!vetoes.IsVetoed(matches[m])) (cues ??= []).Add(matches[m]);
        }
        if (cues is null) return;

        if (DistinctStarts(cues) < 2 && !HasMeans(text, vetoes)) return;
        // "What's the point" is rhetorical, but a general question ("can baclofen make you feel
        // hopeless and alone?") asks about the topic.
        bool report = false;
        foreach (var m in cues) report |= !framing.IsGeneral(m[0]) || Rhetorical.Contains(text.Word(m[0]));
        into.Add(new Signal(EmergencyCategory.SelfHarm, report, cues[0][0], "despair"));
    }

    private static int DistinctStarts(List<int[]> matches)
    {
        int distinct = 0;
        for (int i = 0; i < matches.Count; i++)
        {
            bool repeat = false;
            for (int j = 0; j < i && !repeat; j++) repeat = matches[j][0] == matches[i][0];
            if (!repeat) distinct++;
        }
        return distinct;
    }

    private bool HasMeans(AnalysedText text, Vetoes vetoes)
    {
        foreach (var pattern in Means)
        {
            var matches = pattern.Matches(text);
            for (int m = 0; m < matches.Count; m++)
                if (!vetoes.IsVetoed(matches[m])) return true;
        }
        foreach (var q in text.Amounts(_amounts))
            if (q.Quantity.IsOpenEnded) return true;
        return false;
    }
}
