using System.Text.Json;
using Baclofen.Bot.Host.Tests.Support;
using Baclofen.Bot.Recording;

namespace Baclofen.Bot.Host.Tests;

/// <summary>The clinic's unanswered-questions file: written only when enabled, and redacted.</summary>
public sealed class UnansweredLogTests : IDisposable
{
    private const string Question = "my name is Sarah Jones, call me at 555-123-4567, how do I store baclofen";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "baclofen-unanswered-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string LogFile => Path.Combine(_folder, JsonLinesUnansweredLog.FileName);

    [Fact]
    public async Task Enabled_log_keeps_the_question_with_name_and_number_redacted()
    {
        await using (var bot = await RunningBot.StartAsync(["--Bot:UnansweredLog:Enabled=true", $"--Bot:UnansweredLog:Folder={_folder}"]))
        {
            var replies = await ConversationExperienceTests.SayAsync(bot, Question, "c-" + Guid.NewGuid().ToString("N"));
            Assert.Contains(replies, r => r["channelData"]!["faqBot"]!["kind"]!.GetValue<string>() is "fallback" or "clarify");
        }

        var line = Assert.Single(File.ReadAllLines(LogFile));
        var entry = JsonDocument.Parse(line).RootElement;
        var text = entry.GetProperty("text").GetString()!;
        Assert.Equal("my name is [name], call me at [phone], how do I store baclofen", text);
        Assert.Contains(entry.GetProperty("kind").GetString(), new[] { "fallback", "clarify" });
        Assert.DoesNotContain("Sarah", line);
        Assert.DoesNotContain("555", line);
    }

    [Fact]
    public async Task Disabled_by_default_nothing_is_written()
    {
        await using (var bot = await RunningBot.StartAsync([$"--Bot:UnansweredLog:Folder={_folder}"]))
        {
            await ConversationExperienceTests.SayAsync(bot, Question, "c-" + Guid.NewGuid().ToString("N"));
        }

        Assert.False(File.Exists(LogFile));
    }

    [Fact]
    public async Task Answered_questions_are_not_logged()
    {
        await using (var bot = await RunningBot.StartAsync(["--Bot:UnansweredLog:Enabled=true", $"--Bot:UnansweredLog:Folder={_folder}"]))
        {
            await ConversationExperienceTests.SayAsync(bot, "how long does baclofen take to work?", "c-" + Guid.NewGuid().ToString("N"));
        }

        Assert.False(File.Exists(LogFile));
    }
}
