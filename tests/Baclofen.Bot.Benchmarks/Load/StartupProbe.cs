using System.Diagnostics;
using System.Text;

namespace Baclofen.Bot.Benchmarks.Load;

/// <summary>Process start to the first successful FAQ answer over HTTP, as a restarted instance would see it.</summary>
internal static class StartupProbe
{
    private static readonly byte[] Question = Encoding.UTF8.GetBytes(
        """{"type":"message","id":"startup","channelId":"emulator","serviceUrl":"http://127.0.0.1:1/","deliveryMode":"expectReplies","conversation":{"id":"startup"},"from":{"id":"u","role":"user"},"recipient":{"id":"bot","role":"bot"},"text":"how long does baclofen take to start working?"}""");

    /// <summary>Wall-clock time from process start to the first answer, and the CPU time the bot used by then.</summary>
    public static async Task<(TimeSpan Wall, TimeSpan Cpu)> MeasureAsync(string hostDll, IEnumerable<string> botArgs, IReadOnlyDictionary<string, string> environment)
    {
        await using var bot = ServerProcess.Start(hostDll, botArgs, new Dictionary<string, string>(environment));
        // The first answer may take seconds on a busy machine (it waits for the index and the
        // classifier): a request is given the whole minute rather than abandoned and resent.
        using var http = new HttpClient { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(60) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var content = new ByteArrayContent(Question);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync("/api/messages", content);
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("\"kind\":\"answer\"", StringComparison.Ordinal))
                {
                    return (bot.SinceStart, bot.CpuTime);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The bot gave no answer within 60 s of starting.");
    }
}
