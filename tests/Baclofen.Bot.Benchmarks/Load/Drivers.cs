using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Baclofen.Bot.Benchmarks.Load;

/// <summary>One simulated user on one connection: its random stream and its current conversation.</summary>
internal sealed class Worker(int index, int seed)
{
    public int Index { get; } = index;

    public Random Random { get; } = new(seed);

    public string ConversationId { get; set; } = "";

    public int TurnsLeft { get; set; }

    public int Conversations { get; set; }

    // Direct Line only.
    public string? Token { get; set; }

    public string? Watermark { get; set; }
}

/// <summary>One turn against a target: true when the expected reply came back.</summary>
internal interface ITurnDriver
{
    string Name { get; }

    Task<bool> TurnAsync(Worker worker, CancellationToken cancellationToken);
}

/// <summary>POST /api/messages with deliveryMode expectReplies; the answer is the response body.</summary>
internal sealed class ExpectRepliesDriver(string name, HttpClient http, int turnsPerConversation) : ITurnDriver
{
    public string Name { get; } = name;

    public async Task<bool> TurnAsync(Worker worker, CancellationToken cancellationToken)
    {
        if (worker.TurnsLeft-- <= 0)
        {
            worker.ConversationId = $"load-{worker.Index}-{worker.Conversations++}-{Guid.NewGuid():N}";
            worker.TurnsLeft = turnsPerConversation - 1;
        }

        var body = Body(worker.ConversationId, Workload.Next(worker.Random));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/messages", content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return json.RootElement.TryGetProperty("activities", out var activities) && activities.GetArrayLength() > 0;
    }

    private static byte[] Body(string conversationId, string text) => Encoding.UTF8.GetBytes(
        $$"""{"type":"message","id":"{{Guid.NewGuid():N}}","channelId":"emulator","serviceUrl":"http://127.0.0.1:1/","deliveryMode":"expectReplies","conversation":{"id":"{{conversationId}}"},"from":{"id":"user-{{conversationId}}","role":"user"},"recipient":{"id":"bot","role":"bot"},"text":{{JsonSerializer.Serialize(text)}}}""");
}

/// <summary>
/// The self-hosted Direct Line endpoint as Web Chat drives it: a widget token, start the
/// conversation, then per turn post the message and poll from the watermark until the bot's reply
/// to it is seen. One turn's latency is post-to-reply-seen.
/// </summary>
internal sealed class DirectLineDriver(HttpClient http, int turnsPerConversation) : ITurnDriver
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    public string Name => "directline";

    public async Task<bool> TurnAsync(Worker worker, CancellationToken cancellationToken)
    {
        if (worker.TurnsLeft-- <= 0 || worker.Token is null)
        {
            if (!await StartAsync(worker, cancellationToken))
            {
                worker.Token = null;
                return false;
            }

            worker.TurnsLeft = turnsPerConversation - 1;
        }

        var text = Workload.Next(worker.Random);
        using var post = Request(HttpMethod.Post, $"/v3/directline/conversations/{worker.ConversationId}/activities", worker.Token!);
        post.Content = new StringContent($$"""{"type":"message","from":{"id":"ignored"},"text":{{JsonSerializer.Serialize(text)}}}""", Encoding.UTF8, "application/json");
        using var posted = await http.SendAsync(post, cancellationToken);
        if (posted.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("id").GetString();
        var deadline = DateTime.UtcNow + ReplyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await PollAsync(worker, id, cancellationToken))
            {
                return true;
            }

            await Task.Delay(5, cancellationToken);
        }

        return false;
    }

    private async Task<bool> StartAsync(Worker worker, CancellationToken cancellationToken)
    {
        using var tokenResponse = await http.PostAsync("/api/widget/token", null, cancellationToken);
        if (!tokenResponse.IsSuccessStatusCode)
        {
            return false;
        }

        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(cancellationToken));
        worker.Token = token.RootElement.GetProperty("token").GetString();
        using var start = Request(HttpMethod.Post, "/v3/directline/conversations", worker.Token!);
        using var started = await http.SendAsync(start, cancellationToken);
        if (started.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            return false;
        }

        using var conversation = JsonDocument.Parse(await started.Content.ReadAsStringAsync(cancellationToken));
        worker.ConversationId = conversation.RootElement.GetProperty("conversationId").GetString()!;
        worker.Conversations++;
        worker.Watermark = null;
        return await PollAsync(worker, replyTo: null, cancellationToken) || true;
    }

    /// <summary>Reads from the watermark on; true when a bot message replying to <paramref name="replyTo"/> is among them.</summary>
    private async Task<bool> PollAsync(Worker worker, string? replyTo, CancellationToken cancellationToken)
    {
        var path = $"/v3/directline/conversations/{worker.ConversationId}/activities" + (worker.Watermark is null ? "" : "?watermark=" + worker.Watermark);
        using var get = Request(HttpMethod.Get, path, worker.Token!);
        using var response = await http.SendAsync(get, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"poll: {(int)response.StatusCode}");
        }

        using var set = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        worker.Watermark = set.RootElement.GetProperty("watermark").GetString();
        foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
        {
            if (replyTo is not null
                && activity.TryGetProperty("replyToId", out var r) && r.GetString() == replyTo
                && activity.TryGetProperty("type", out var t) && t.GetString() == "message")
            {
                return true;
            }
        }

        return false;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
