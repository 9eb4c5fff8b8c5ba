using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Eval.Evaluation;

public sealed class QuestionReport
{
    public int Total { get; set; }
    public int Top1 { get; set; }
    public int Top3 { get; set; }
    public int Clarified { get; set; }
    public int FellBack { get; set; }
    public int ConfidentlyWrong { get; set; }
    public CalibrationTable Calibration { get; } = new();
    public List<string> Misses { get; } = [];

    public double Top1Accuracy => Ratio(Top1, Total);
    public double Top3Accuracy => Ratio(Top3, Total);
    public double ClarifyRate => Ratio(Clarified, Total);

    internal static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

public sealed class OutOfScopeReport
{
    public int Total { get; set; }
    public int NotAnswered { get; set; }
    public int Clarified { get; set; }
    public List<string> Misses { get; } = [];

    /// <summary>Share of out-of-scope messages that got fallback, small talk or a clarify, never an answer.</summary>
    public double NotAnsweredRate => QuestionReport.Ratio(NotAnswered, Total);
}

public sealed class EmergencyReport
{
    /// <summary>Emergency lines per category of the set's third column: caught and total.</summary>
    public CategoryRecall ByCategory { get; } = new();

    /// <summary>Caught emergency lines by which detectors raised the alarm.</summary>
    public Dictionary<EmergencyDetectors, int> ByDetector { get; } = new()
    {
        [EmergencyDetectors.Rules] = 0,
        [EmergencyDetectors.Classifier] = 0,
        [EmergencyDetectors.Both] = 0,
    };

    public int Topic { get; set; }
    public int TopicAnswered { get; set; }
    public int TopicWithFixedText { get; set; }
    public double TopicAnswerRate => QuestionReport.Ratio(TopicAnswered, Topic);

    public int Emergencies { get; set; }
    public int EmergenciesCaught { get; set; }
    public int Info { get; set; }
    public int InfoCaught { get; set; }
    public int InfoAnswered { get; set; }
    public int Benign { get; set; }
    public int FalseAlarms { get; set; }
    public List<string> Misses { get; } = [];
    public List<string> Unanswered { get; } = [];

    /// <summary>Emergency and info lines whose first reply was the emergency reply.</summary>
    public double Recall => QuestionReport.Ratio(EmergenciesCaught + InfoCaught, Emergencies + Info);
    /// <summary>Info lines that got the fixed text first and then an answer.</summary>
    public double InfoAnswerRate => QuestionReport.Ratio(InfoAnswered, Info);
    public double FalseAlarmRate => QuestionReport.Ratio(FalseAlarms, Benign);
}

/// <summary>Answers grouped by confidence, with how often each group was right: a calibrated score's accuracy tracks its bin.</summary>
public sealed class CalibrationTable
{
    private readonly int[] _count = new int[10];
    private readonly int[] _correct = new int[10];

    public void Add(double confidence, bool correct)
    {
        var bin = Math.Clamp((int)(confidence * 10), 0, 9);
        _count[bin]++;
        if (correct) _correct[bin]++;
    }

    public IEnumerable<(double From, double To, int Count, double Accuracy)> Rows() =>
        Enumerable.Range(0, 10)
            .Where(i => _count[i] > 0)
            .Select(i => (i / 10.0, (i + 1) / 10.0, _count[i], (double)_correct[i] / _count[i]));
}

/// <summary>Recall per category, in the order categories first appear.</summary>
public sealed class CategoryRecall
{
    private readonly List<(string Category, int Caught, int Total)> _rows = [];

    public void Count(string category, bool caught)
    {
        var i = _rows.FindIndex(r => r.Category == category);
        if (i < 0)
        {
            _rows.Add((category, 0, 0));
            i = _rows.Count - 1;
        }

        var row = _rows[i];
        _rows[i] = (category, row.Caught + (caught ? 1 : 0), row.Total + 1);
    }

    public IReadOnlyList<(string Category, int Caught, int Total)> Rows => _rows;
}
