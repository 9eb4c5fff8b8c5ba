using Baclofen.Bot.Knowledge.Analysis;
using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Search;

namespace Baclofen.Bot.Knowledge.Retrieval;

/// <summary>
/// The two indexes over a catalog: one document per entry (fields questions, answer, keywords),
/// and one mini-document per question, so that a message close to ONE phrasing is not diluted by
/// an entry's other phrasings, as QnA Maker matches question by question.
/// </summary>
public sealed class FaqIndex
{
    public const string QuestionsField = "questions";
    public const string AnswerField = "answer";
    public const string KeywordsField = "keywords";
    public const string QuestionField = "question";

    public FaqIndex(FaqCatalog catalog, Analyzer analyzer)
    {
        Entries = catalog.Entries;
        Entry = new InvertedIndex();
        Question = new InvertedIndex();
        var questionOwners = new List<int>();
        var questionTexts = new List<string>();

        for (var e = 0; e < Entries.Count; e++)
        {
            var entry = Entries[e];
            var questionTokens = entry.Questions.Select(analyzer.Analyze).ToList();
            Entry.Add(new Dictionary<string, IReadOnlyList<Token>>
            {
                [QuestionsField] = questionTokens.SelectMany(t => t).ToList(),
                [AnswerField] = analyzer.Analyze(entry.Answer),
                [KeywordsField] = entry.Keywords.SelectMany(analyzer.Analyze).ToList(),
            });
            foreach (var tokens in questionTokens)
            {
                Question.Add(new Dictionary<string, IReadOnlyList<Token>> { [QuestionField] = tokens });
                questionOwners.Add(e);
            }
            questionTexts.AddRange(entry.Questions);
        }
        QuestionOwner = questionOwners;
        _questionTexts = questionTexts;
    }

    private readonly List<string> _questionTexts;

    public string QuestionText(int questionDoc) => _questionTexts[questionDoc];

    public IReadOnlyList<FaqEntry> Entries { get; }

    /// <summary>One document per entry, in catalog order.</summary>
    public InvertedIndex Entry { get; }

    /// <summary>One document per question.</summary>
    public InvertedIndex Question { get; }

    /// <summary>For each question document, the index of its entry.</summary>
    public IReadOnlyList<int> QuestionOwner { get; }
}
