using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.SmallTalk;

namespace Baclofen.Bot.Tests.Pipeline;

/// <summary>
/// A small hand-made catalog with scripted detector and retriever, so composition rules are
/// tested apart from the quality of retrieval and detection (those have their own tests).
/// </summary>
internal sealed class PipelineFixture
{
    public const string EmergencyText = "CALL 911 NOW (test text)";

    public static FaqEntry Entry(string id, string question, string disclaimer = "dosing", params string[] related) =>
        new(id, [question, question + " please"], $"Answer about {id}.", disclaimer, ["000"], related, [], $"faq/{id}.md");

    public FaqCatalog Catalog { get; } = new(
        [
            Entry("onset", "Does baclofen work immediately?", "dosing", "dosing-schedule", "missed-dose"),
            Entry("dosing-schedule", "How often do I take baclofen?"),
            Entry("missed-dose", "What if I miss a dose?"),
            Entry("overdose-symptoms", "What are the signs of an overdose?", "emergency"),
        ],
        new Dictionary<string, Disclaimer>
        {
            ["dosing"] = new("dosing", "Never change your dose on your own."),
            ["general"] = new("general", "This is general information, not medical advice."),
            ["emergency"] = new("emergency", "In an emergency call 911."),
        },
        new Dictionary<string, FaqSource> { ["000"] = new("000", "Seed page title", "Seed publisher") },
        []);

    public ScriptedDetector Detector { get; } = new();
    public ScriptedRetriever Retriever { get; } = new();

    public TurnPipeline Create(bool showSources = true, int maxLength = 2000, bool askFeedback = true) =>
        new(Detector, Retriever, Catalog, new SmallTalkRecognizer(), new PipelineOptions
        {
            EmergencyResponse = EmergencyText,
            ShowSources = showSources,
            MaxMessageLength = maxLength,
            AskFeedback = askFeedback,
        });

    public ScoredEntry Scored(string id, double confidence) => new(Catalog[id], confidence);

    internal sealed class ScriptedDetector : IEmergencyDetector
    {
        public EmergencyAssessment Next { get; set; } = EmergencyAssessment.None;
        public List<string> Seen { get; } = [];

        public EmergencyAssessment Assess(string text)
        {
            Seen.Add(text);
            return Next;
        }
    }

    internal sealed class ScriptedRetriever : IFaqRetriever
    {
        public RetrievalResult Next { get; set; } = new(RetrievalOutcome.Fallback, []);
        public List<string> Seen { get; } = [];

        /// <summary>Answers for particular texts; any other text gets <see cref="Next"/>.</summary>
        public Dictionary<string, RetrievalResult> ByText { get; } = new(StringComparer.Ordinal);

        public RetrievalResult Retrieve(string text)
        {
            Seen.Add(text);
            return ByText.TryGetValue(text, out var scripted) ? scripted : Next;
        }
    }
}
