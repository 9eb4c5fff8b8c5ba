using Baclofen.Bot.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Baclofen.Bot.Host;

/// <summary>
/// Redis, when <c>Storage:Redis</c> is set: a PING, which fails at once while the connection is down. A Redis
/// that does not answer makes the bot degraded, not unhealthy: turns still answer, without conversation memory.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await redis.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context?.Registration.FailureStatus ?? HealthStatus.Degraded, "unreachable");
}
