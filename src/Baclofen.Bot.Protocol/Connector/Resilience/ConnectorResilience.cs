using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Baclofen.Bot.Protocol.Connector.Resilience;

/// <summary>
/// Retries for connector requests, as a resilience handler on the connector's HttpClient. Retried: 429, 412,
/// 502, 503, 504, 408 and attempt timeouts. Not retried: every other status (a 500 or a 4xx will not get
/// better by resending the same reply), and connection failures (the reply may already have been delivered;
/// a duplicate medical reply confuses more than a missing one). Backoff is exponential with jitter; a
/// Retry-After header replaces it, and one longer than <see cref="ConnectorRetryOptions.MaxRetryAfter"/>
/// is not waited for.
/// </summary>
public static class ConnectorResilience
{
    /// <summary>The resilience handler's name (Polly telemetry reports it as the pipeline name).</summary>
    public const string HandlerName = "connector-retry";

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

    /// <summary>
    /// Adds the retry handler, with <see cref="ConnectorRetryOptions"/> and the <see cref="TimeProvider"/> from
    /// the container. Add it BEFORE the authorization handler (outermost), so every attempt gets a current token.
    /// Request content must be re-readable (string, byte array or JSON content), since a retry sends it again.
    /// </summary>
    public static IHttpClientBuilder AddConnectorRetries(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddResilienceHandler(HandlerName, static (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            var options = services.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value;
            var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConnectorResilience));
            pipeline.TimeProvider = time;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)),
                OnRetry = args =>
                {
                    ConnectorLog.Retrying(logger, args.Outcome.Result?.StatusCode.ToString() ?? args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });

            if (options.AttemptTimeout is { } attemptTimeout)
            {
                pipeline.AddTimeout(attemptTimeout); // inside the retry, so it limits each attempt
            }
        });
        return builder;
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

        // The user is waiting on this reply: a throttle longer than the cap goes back to the caller at once.
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is null || wait <= options.MaxRetryAfter;
    }
}
