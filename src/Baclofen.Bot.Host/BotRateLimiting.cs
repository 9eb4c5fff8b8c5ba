using System.Globalization;
using System.Threading.RateLimiting;
using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Baclofen.Bot.Host;

/// <summary>
/// Named rate-limiting policies for the public endpoints, partitioned per client IP: a flood from one
/// client gets 429 with Retry-After and cannot starve the others. Endpoints opt in by name, so new
/// public endpoints (Direct Line, the widget's token endpoint) call <see cref="RequirePublicRateLimit"/>.
/// </summary>
public static class BotRateLimiting
{
    /// <summary>/api/messages: per IP, with a separate large bucket for requests whose token passed validation (the Bot Connector).</summary>
    public const string MessagesPolicy = "bot-messages";

    /// <summary>Any other public endpoint: per IP, <see cref="RateLimitingOptions.PermitsPerMinute"/>.</summary>
    public const string PublicPolicy = "bot-public";

    public static IServiceCollection AddBotRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .Validate(o => o.PermitsPerMinute > 0 && o.BearerPermitsPerMinute > 0, "RateLimiting permits per minute must be positive.")
            .ValidateOnStart();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<RequestRefusals>().Record(StatusCodes.Status429TooManyRequests, "RateLimited");
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                    context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PublicPolicy, http => Partition(http, bearerBucket: false));
            limiter.AddPolicy(MessagesPolicy, http => Partition(http, bearerBucket: true));
        });
        return services;
    }

    /// <summary>
    /// Validates /api/messages tokens before the rate limiter, so the bucket can depend on the result
    /// (<see cref="PartitionKey"/>). The adapter reuses the result; nothing is validated twice. Call
    /// between UseRouting and UseRateLimiter.
    /// </summary>
    public static IApplicationBuilder UseBotTokenValidation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == MessagesPolicy)
        {
            await http.RequestServices.GetRequiredService<CloudAdapter>().AuthenticateRequestAsync(http, http.RequestAborted);
        }

        await next(http);
    });

    /// <summary>Applies <see cref="PublicPolicy"/> to an endpoint or a group (MapDirectLine(), MapWidget()).</summary>
    public static TBuilder RequirePublicRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(PublicPolicy);

    /// <summary>
    /// The bucket a request counts against: "bearer:{ip}" only for /api/messages with a token that passed
    /// validation (the Bot Connector delivers every user's messages from a few Azure addresses), otherwise
    /// "ip:{ip}". A forged or expired token, or any Authorization header in anonymous mode, earns nothing:
    /// its 401s count against the client's own address like any other request.
    /// </summary>
    public static string PartitionKey(HttpContext http, bool bearerBucket)
    {
        ArgumentNullException.ThrowIfNull(http);

        // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured.
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var validated = bearerBucket
            && http.Features.Get<BotAuthenticationFeature>()?.Result is { Succeeded: true, Source: not TokenSource.Anonymous };
        return (validated ? "bearer:" : "ip:") + client;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, bool bearerBucket)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitingOptions>>().CurrentValue;
        if (!options.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("off");
        }

        var key = PartitionKey(http, bearerBucket);
        return PerMinute(key, key.StartsWith("bearer:", StringComparison.Ordinal) ? options.BearerPermitsPerMinute : options.PermitsPerMinute);
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
