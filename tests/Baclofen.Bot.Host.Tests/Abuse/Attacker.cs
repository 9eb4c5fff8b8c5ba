using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baclofen.Bot.Host.Tests.Abuse;

/// <summary>The hostile patterns of issue 21, each bounded in count, from loopback addresses of their own.</summary>
internal sealed class Attacker(Uri bot, Tally tally, CancellationToken stop) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = bot, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A plain message with ~24,000 tiny objects in attachments: ~230 KB.</summary>
    public static byte[] AttachmentFlood { get; } = Encoding.UTF8.GetBytes(
        "{\"type\":\"message\",\"text\":\"hi\",\"channelId\":\"emulator\",\"serviceUrl\":\"http://localhost:9/\","
        + "\"conversation\":{\"id\":\"flood\"},\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"b\"},\"attachments\":["
        + string.Join(",", Enumerable.Repeat("{\"a\":1}", 24_000)) + "]}");

    /// <summary>Parallel workers each sending <paramref name="perWorker"/> attachment floods to /api/messages.</summary>
    /// <param name="from">The forwarded address of each request (by its number).</param>
    public Task AttachmentFloodAsync(string attack, int workers, int perWorker, Func<int, string> from, string? bearer = null) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWorker && !stop.IsCancellationRequested; i++)
            {
                await SendAsync(attack, () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(AttachmentFlood) };
                    return WithClient(request, from((w * perWorker) + i), bearer);
                });
            }
        })));

    /// <summary>Small requests with a forged token from one address, <paramref name="workers"/> at a time.</summary>
    public Task ForgedTokenFloodAsync(string attack, int count, int workers, string from) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < count && !stop.IsCancellationRequested; i += workers)
            {
                await SendAsync(attack, () => WithClient(
                    new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"hi\"}")) },
                    from,
                    "x"));
            }
        })));

    /// <summary>
    /// One Direct Line conversation filled with <paramref name="posts"/> activities of ~32 KB, then
    /// <paramref name="readers"/> parallel readers each asking <paramref name="readsEach"/> times for the
    /// whole transcript (no watermark).
    /// </summary>
    public async Task TranscriptFloodAsync(string attack, int posts, int readers, int readsEach, string from)
    {
        var conversation = await StartConversationAsync(attack, from);
        if (conversation is null)
        {
            return;
        }

        var (id, token) = conversation.Value;
        var text = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 32_000 / 27));
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "message", text, from = new { id = "attacker" } }));
        for (var i = 0; i < posts && !stop.IsCancellationRequested; i++)
        {
            await SendAsync(attack + " (posts)", () => WithClient(
                new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities") { Content = Json(body) }, from, token));
        }

        await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < readsEach && !stop.IsCancellationRequested; i++)
            {
                await SendAsync(attack + " (reads)", () => WithClient(new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{id}/activities"), from, token));
            }
        })));
    }

    /// <summary><paramref name="count"/> new Direct Line conversations (token, then start), <paramref name="workers"/> at a time.</summary>
    public Task ConversationFloodAsync(string attack, int count, int workers, Func<int, string> from) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < count && !stop.IsCancellationRequested; i += workers)
            {
                await StartConversationAsync(attack, from(i));
            }
        })));

    public void Dispose() => _http.Dispose();

    private async Task<(string Id, string Token)?> StartConversationAsync(string attack, string from)
    {
        var issued = await SendAsync(attack + " (tokens)", () => WithClient(new HttpRequestMessage(HttpMethod.Post, "/api/widget/token"), from, null), readBody: true);
        if (issued is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(issued);
        var token = document.RootElement.GetProperty("token").GetString()!;
        var id = document.RootElement.GetProperty("conversationId").GetString()!;
        await SendAsync(attack + " (starts)", () => WithClient(
            new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = Json(Encoding.UTF8.GetBytes("{}")) }, from, token));
        return (id, token);
    }

    /// <returns>The body of a 2xx response when <paramref name="readBody"/>, otherwise null.</returns>
    private async Task<string?> SendAsync(string attack, Func<HttpRequestMessage> build, bool readBody = false)
    {
        try
        {
            using var request = build();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, stop);
            tally.Add(attack, response.StatusCode);
            return readBody && response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(stop) : null;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            tally.Add(attack, Tally.ConnectionError);
            return null;
        }
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static HttpRequestMessage WithClient(HttpRequestMessage request, string from, string? bearer)
    {
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", from);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
