using System.Text.Json;
using Baclofen.Bot.Knowledge.Retrieval;
using Baclofen.Bot.Pipeline;
using Baclofen.Bot.Recording;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.Tests.Pipeline;

namespace Baclofen.Bot.Tests.Recording;

public sealed class TurnRecorderTests : IDisposable
{
    private readonly PipelineFixture _fixture = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "baclofen-recorder-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class ListLog : IUnansweredLog
    {
        public List<UnansweredQuestion> Entries { get; } = [];

        public Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken = default)
        {
            Entries.Add(question);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Fallback_is_logged_redacted_and_answers_are_not()
    {
        var log = new ListLog();
        var recorder = new TurnRecorder(new InMemoryFeedbackStore(), log, TimeProvider.System);
        var pipeline = _fixture.Create();

        await recorder.RecordAsync(pipeline.Process("my name is Ann Lee, where can I buy 20 tablets"));
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Answer, [_fixture.Scored("onset", 0.9)]);
        await recorder.RecordAsync(pipeline.Process("does it work right away"));

        var entry = Assert.Single(log.Entries);
        Assert.Equal("fallback", entry.Kind);
        Assert.Equal("my name is [name], where can I buy [number] tablets", entry.Text);
    }

    [Fact]
    public async Task Clarify_is_logged_with_its_candidates()
    {
        var log = new ListLog();
        _fixture.Retriever.Next = new RetrievalResult(RetrievalOutcome.Clarify, [_fixture.Scored("onset", 0.4), _fixture.Scored("missed-dose", 0.38)]);

        await new TurnRecorder(new InMemoryFeedbackStore(), log, TimeProvider.System).RecordAsync(_fixture.Create().Process("baclofen timing"));

        var entry = Assert.Single(log.Entries);
        Assert.Equal("clarify", entry.Kind);
        Assert.Equal(["onset", "missed-dose"], entry.Candidates);
    }

    [Fact]
    public async Task Emergencies_and_small_talk_are_never_logged()
    {
        var log = new ListLog();
        var recorder = new TurnRecorder(new InMemoryFeedbackStore(), log, TimeProvider.System);
        var pipeline = _fixture.Create();

        await recorder.RecordAsync(pipeline.Process("hello"));
        _fixture.Detector.Next = new EmergencyAssessment(true, EmergencyCategory.Seizure, true);
        await recorder.RecordAsync(pipeline.Process("what should I do in a seizure"));

        Assert.Empty(log.Entries);
    }

    [Fact]
    public async Task Feedback_is_counted_per_entry_in_a_json_file_without_any_text()
    {
        using var store = new JsonFileFeedbackStore(_folder);
        var recorder = new TurnRecorder(store, new NoUnansweredLog(), TimeProvider.System);
        var pipeline = _fixture.Create();
        var pending = new ConversationMemory { PreviousFaqId = "onset", FeedbackPendingFor = "onset" };

        await recorder.RecordAsync(pipeline.Process("yep", pending));
        await recorder.RecordAsync(pipeline.Process("yes thanks", pending));
        await recorder.RecordAsync(pipeline.Process("not really", pending));

        Assert.Equal(new FeedbackCounts(2, 1), (await store.ReadAllAsync())["onset"]);
        var json = File.ReadAllText(Path.Combine(_folder, JsonFileFeedbackStore.FileName));
        Assert.Equal(new FeedbackCounts(2, 1), JsonSerializer.Deserialize<Dictionary<string, FeedbackCounts>>(json, JsonSerializerOptions.Web)!["onset"]);
        Assert.DoesNotContain("yep", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("really", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unanswered_log_file_has_one_json_object_a_line()
    {
        using var log = new JsonLinesUnansweredLog(_folder);

        await log.RecordAsync(new UnansweredQuestion(DateTimeOffset.UnixEpoch, "fallback", "first", []));
        await log.RecordAsync(new UnansweredQuestion(DateTimeOffset.UnixEpoch, "clarify", "second", ["onset"]));

        var lines = File.ReadAllLines(Path.Combine(_folder, JsonLinesUnansweredLog.FileName));
        Assert.Equal(2, lines.Length);
        var second = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("clarify", second.GetProperty("kind").GetString());
        Assert.Equal("second", second.GetProperty("text").GetString());
        Assert.Equal("onset", second.GetProperty("candidates")[0].GetString());
    }
}
