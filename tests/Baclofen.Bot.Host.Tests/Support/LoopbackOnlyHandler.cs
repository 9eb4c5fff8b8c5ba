using System.Net;

namespace Baclofen.Bot.Host.Tests.Support;

/// <summary>The connector's outermost transport in fuzz tests: a mutated serviceUrl can never make the bot
/// reach past 127.0.0.1, whatever the generator produces.</summary>
internal sealed class LoopbackOnlyHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri is { IsLoopback: true }
            ? base.SendAsync(request, cancellationToken)
            : Task.FromException<HttpResponseMessage>(new HttpRequestException("Fuzz test: only loopback is reachable."));
}
