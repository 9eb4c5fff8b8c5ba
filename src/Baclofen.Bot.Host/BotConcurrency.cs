using System.Globalization;
using System.Threading.RateLimiting;
using Baclofen.Bot.Protocol.Adapter;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host;

/// <summary>
/// Back-pressure: at most <see cref="ConcurrencyOptions.MaxTurns"/> turns and
/// <see cref="ConcurrencyOptions.MaxReads"/> Direct Line reads run at once, each with a bounded
/// first-come queue (System.Threading.RateLimiting's <see cref="ConcurrencyLimiter"/>). Beyond the
/// queue the answer is 503 with Retry-After, never a 500 or memory that grows with the flood. Unlike
/// the per-client rate limits this is one limit for everybody, so it holds whatever addresses a flood
/// comes from. Endpoints opt in with <see cref="RequireConcurrencyLimit{TBuilder}"/>.
/// </summary>
public static class BotConcurrency
{
    public const string Turns = "turns";
    public const string Reads = "reads";

    public static IServiceCollection AddBotConcurrency(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConcurrencyOptions>()
            .Bind(configuration.GetSection(ConcurrencyOptions.SectionName))
            .Validate(o => o.MaxTurns > 0 && o.MaxReads > 0 && o.QueueLimit >= 0 && o.RetryAfterSeconds > 0, "Bot:Concurrency: MaxTurns, MaxReads and RetryAfterSeconds must be positive, QueueLimit not negative.")
            .ValidateOnStart();
        services.AddSingleton<Limiters>();
        return services;
    }

    /// <summary>Puts the endpoint under the named limit (<see cref="Turns"/> or <see cref="Reads"/>).</summary>
    public static TBuilder RequireConcurrencyLimit<TBuilder>(this TBuilder builder, string limit)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ConcurrencyLimitMetadata(limit));

    /// <summary>After routing (it reads the endpoint) and after the per-client rate limits (a client over
    /// its own limit is refused before it takes a slot or a place in the queue).</summary>
    public static IApplicationBuilder UseBotConcurrency(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ConcurrencyLimitMetadata>() is not { } metadata)
        {
            await next(http);
            return;
        }

        var limiters = http.RequestServices.GetRequiredService<Limiters>();
        RateLimitLease lease;
        try
        {
            lease = await limiters.For(metadata.Limit).AcquireAsync(1, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client left while waiting in the queue; nobody to answer.
            return;
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                http.RequestServices.GetRequiredService<RequestRefusals>().Record(StatusCodes.Status503ServiceUnavailable, "Busy:" + metadata.Limit);
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = limiters.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                // The Connector and Direct Line error shape both channels' tooling already shows.
                await http.Response.WriteAsJsonAsync(new ErrorResponse(new ErrorBody("ServiceBusy", "The bot is busy; retry after the Retry-After delay.")));
                return;
            }

            await next(http);
        }
    });

    private sealed record ConcurrencyLimitMetadata(string Limit);

    /// <summary>One limiter per name, for the life of the app.</summary>
    internal sealed class Limiters : IDisposable
    {
        private readonly ConcurrencyLimiter _turns;
        private readonly ConcurrencyLimiter _reads;

        public Limiters(IOptions<ConcurrencyOptions> options)
        {
            var o = options.Value;
            _turns = Create(o.MaxTurns, o.QueueLimit);
            _reads = Create(o.MaxReads, o.QueueLimit);
            RetryAfterSeconds = o.RetryAfterSeconds;
        }

        public int RetryAfterSeconds { get; }

        public ConcurrencyLimiter For(string limit) => limit switch
        {
            Turns => _turns,
            Reads => _reads,
            _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "Unknown concurrency limit."),
        };

        public void Dispose()
        {
            _turns.Dispose();
            _reads.Dispose();
        }

        private static ConcurrencyLimiter Create(int permits, int queue) => new(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = queue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }
}
