using System.Collections.Concurrent;
using System.Net;

namespace Baclofen.Bot.Protocol.Tests.Support;

/// <summary>An HTTP "connector" in memory: records requests and answers with a fixed status.</summary>
internal sealed class StubHttp : HttpMessageHandler, IHttpClientFactory
{
    public HttpStatusCode Status { get; set; } = HttpStatusCode.Created;

    public string ResponseBody { get; set; } = """{"id":"1795224228449"}""";

    public ConcurrentQueue<(HttpRequestMessage Request, string Body)> Requests { get; } = new();

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request, body));
        return new HttpResponseMessage(Status) { Content = new StringContent(ResponseBody) };
    }
}
