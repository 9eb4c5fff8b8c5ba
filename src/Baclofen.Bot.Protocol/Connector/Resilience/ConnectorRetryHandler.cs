using Polly;

namespace Baclofen.Bot.Protocol.Connector.Resilience;

/// <summary>
/// Runs each request through the connector retry pipeline. Put it OUTSIDE the authorization handler so every
/// attempt gets a current token. Request content must be re-readable (string, byte array or JSON content,
/// not a one-shot stream), since a retry sends it again.
/// </summary>
public sealed class ConnectorRetryHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken).AsTask();

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
