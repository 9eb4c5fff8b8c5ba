using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Baclofen.Bot.Host.Tests.Support;

namespace Baclofen.Bot.Host.Tests;

/// <summary>
/// faq/ reloads while the host runs: an edit is served on the next turn, an invalid edit is
/// refused (logged with file and line) while the previous FAQ keeps answering, and fixing it
/// reloads. The host runs on a temporary copy of faq/.
/// </summary>
public sealed class FaqReloadTests : IAsyncLifetime
{
    private const string Question = "How long does baclofen take to start working?";
    private static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(15);

    private readonly string _faq = Directory.CreateTempSubdirectory("faq-reload-").FullName;
    private RunningBot _bot = null!;

    private string OnsetFile => Path.Combine(_faq, "onset.md");

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "faq")))
        {
            File.Copy(file, Path.Combine(_faq, Path.GetFileName(file)));
        }

        _bot = await RunningBot.StartAsync(["--Faq:Path=" + _faq, "--Faq:ReloadOnChange=true", "--RateLimiting:Enabled=false"]);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Directory.Delete(_faq, recursive: true);
    }

    [Fact]
    public async Task An_edited_answer_is_served_on_the_next_turn_and_a_bad_edit_keeps_the_old_one()
    {
        var original = await AnswerAsync();
        Assert.DoesNotContain("RELOADED-ONE", original);

        await File.WriteAllTextAsync(OnsetFile, WithAnswer(await File.ReadAllTextAsync(OnsetFile), "RELOADED-ONE baclofen takes a while."));
        Assert.Contains("RELOADED-ONE", await AnswerContainingAsync("RELOADED-ONE"));

        // An unknown disclaimer key: the loader refuses the whole edit.
        var valid = await File.ReadAllTextAsync(OnsetFile);
        var invalid = WithAnswer(valid, "RELOADED-BAD this text must never be served.").Replace("disclaimer: ", "disclaimer: no-such-disclaimer-", StringComparison.Ordinal);
        await File.WriteAllTextAsync(OnsetFile, invalid);
        await WaitUntilAsync(() => _bot.Logs.All.Contains("onset.md:", StringComparison.Ordinal) && _bot.Logs.All.Contains("FAQ edit rejected", StringComparison.Ordinal));
        var duringBadEdit = await AnswerAsync();
        Assert.Contains("RELOADED-ONE", duringBadEdit);
        Assert.DoesNotContain("RELOADED-BAD", duringBadEdit);
        Assert.Matches(@"FAQ edit rejected, the previous version keeps serving: \S*onset\.md:\d+: ", _bot.Logs.All);

        await File.WriteAllTextAsync(OnsetFile, WithAnswer(valid, "RELOADED-TWO fixed again."));
        Assert.Contains("RELOADED-TWO", await AnswerContainingAsync("RELOADED-TWO"));
    }

    // Front matter stays; the Markdown body after the closing --- is replaced.
    private static string WithAnswer(string file, string answer)
    {
        var close = file.IndexOf("\n---", 4, StringComparison.Ordinal);
        var bodyStart = file.IndexOf('\n', close + 1) + 1;
        return file[..bodyStart] + answer + "\n";
    }

    private async Task<string> AnswerContainingAsync(string marker)
    {
        var text = "";
        await WaitUntilAsync(async () => (text = await AnswerAsync()).Contains(marker, StringComparison.Ordinal));
        return text;
    }

    private async Task<string> AnswerAsync()
    {
        var activity = ChannelMessages.Message(ChannelMessages.Emulator, Question, new Uri("http://127.0.0.1:1/"));
        activity["deliveryMode"] = "expectReplies";
        activity["conversation"] = new JsonObject { ["id"] = "reload-" + Guid.NewGuid().ToString("N") };
        using var response = await _bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var answer = body!["activities"]!.AsArray().Select(a => a!.AsObject())
            .Single(a => a["channelData"]?["faqBot"]?["kind"]?.GetValue<string>() == "answer");
        Assert.Equal("onset", answer["channelData"]!["faqBot"]!["faqId"]!.GetValue<string>());
        return answer["text"]!.GetValue<string>();
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + ReloadWait;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the FAQ was not reloaded in time");
            await Task.Delay(100);
        }
    }
}
