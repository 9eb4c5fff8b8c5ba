using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Baclofen.Bot.Protocol.Connector.Resilience;

/// <summary>
/// The retry pipeline for connector requests. Retried: 429, 412, 502, 503, 504, 408 and attempt timeouts.
/// Not retried: every other status (a 500 or a 4xx will not get better by resending the same reply), and
/// connection failures (the reply may already have been delivered; a duplicate medical reply confuses more
/// than a missing one). Backoff is exponential with jitter; a Retry-After header replaces it.
/// </summary>
public static class ConnectorResilience
{
    private static readonly HashSet<HttpStatusCode> RetriedStatuses =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
        HttpStatusCode.RequestTimeout,
    ];

    public static bool IsRetriedStatus(HttpStatusCode status) => RetriedStatuses.Contains(status);

    /// <param name="timeProvider">Clock for delays and timeouts; tests pass a fake one.</param>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(ConnectorRetryOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new ConnectorRetryOptions();
        var time = timeProvider ?? TimeProvider.System;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };

        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? RetryAfter.From(response.Headers, time.GetUtcNow()) : null),
        });

        if (options.AttemptTimeout is { } attemptTimeout)
        {
            builder.AddTimeout(attemptTimeout); // inside the retry, so it limits each attempt
        }

        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ConnectorRetryOptions options, TimeProvider time)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is TimeoutRejectedException;
        }

        var response = outcome.Result!;
        if (!IsRetriedStatus(response.StatusCode))
        {
            return false;
        }

        var retryAfter = RetryAfter.From(response.Headers, time.GetUtcNow());
        return retryAfter is null || retryAfter <= options.MaxRetryAfter;
    }
}
