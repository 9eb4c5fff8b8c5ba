namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// The per-entry arrays one ranking works in, kept per thread instead of allocated per message:
/// a ranking fills a dozen arrays of one slot per FAQ entry, about a third of what a whole turn
/// allocated. Every array is exactly one slot per entry (loops run to its length), is cleared
/// or fully written before it is read, and nothing outside the ranking keeps a reference to it.
/// </summary>
internal sealed class RankBuffers
{
    [ThreadStatic] private static RankBuffers? _current;

    private RankBuffers(int entries)
    {
        Entries = entries;
        EntryScores = new double[entries];
        BestQuestion = new double[entries];
        BestQuestionDoc = new int[entries];
        Question = new double[entries];
        Whole = new double[entries];
        Lexical = new double[entries];
        Classifier = new double[entries];
        Probability = new double[entries];
        Uncovered = new double[entries];
        FocusBest = new double[entries];
        FocusLexical = new double[entries];
        FocusClassifier = new double[entries];
        FocusScores = new double[entries];
    }

    public int Entries { get; }
    public double[] EntryScores { get; }
    public double[] BestQuestion { get; }
    public int[] BestQuestionDoc { get; }
    public double[] Question { get; }
    public double[] Whole { get; }
    public double[] Lexical { get; }
    public double[] Classifier { get; }
    public double[] Probability { get; }
    public double[] Uncovered { get; }

    // Clause focus, which runs inside a ranking and so needs arrays of its own.
    public double[] FocusBest { get; }
    public double[] FocusLexical { get; }
    public double[] FocusClassifier { get; }
    public double[] FocusScores { get; }

    private bool _inUse;

    /// <summary>This thread's buffers for a FAQ of <paramref name="entries"/> entries; fresh ones
    /// when the FAQ changed size or the thread's are in use (a ranking that threw, or re-entry).</summary>
    public static RankBuffers Take(int entries)
    {
        var buffers = _current;
        if (buffers is null || buffers._inUse || buffers.Entries != entries)
        {
            buffers = new RankBuffers(entries);
            _current = buffers;
        }
        buffers._inUse = true;
        return buffers;
    }

    public void Release() => _inUse = false;
}
