using System.Text.Json;
using Baclofen.Bot.Redis;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Baclofen.Bot.Host;

/// <summary>
/// <c>GET /healthz</c> over ASP.NET Core health checks. <c>{"status":"ok"}</c> while every check passes.
/// With Storage:Redis set and Redis not answering: still 200 (a load balancer should keep sending traffic,
/// since turns answer, without conversation memory) and <c>{"status":"degraded","redis":"unreachable"}</c>.
/// An unhealthy check (none today) would answer 503.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    // A Redis that hangs rather than refuses counts as down after this; the probe must stay quick.
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(2);

    public static IServiceCollection AddBotHealthChecks(this IServiceCollection services, bool redis)
    {
        var checks = services.AddHealthChecks();
        if (redis)
        {
            checks.Add(new HealthCheckRegistration(
                RedisHealthCheck.Name,
                sp => new RedisHealthCheck(sp.GetRequiredService<RedisConnection>()),
                HealthStatus.Degraded,
                tags: null,
                timeout: RedisTimeout));
        }

        return services;
    }

    public static void MapBotHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status switch
        {
            HealthStatus.Healthy => "ok",
            HealthStatus.Degraded => "degraded",
            _ => "unhealthy",
        });
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Status != HealthStatus.Healthy)
            {
                json.WriteString(name, entry.Description ?? entry.Status.ToString().ToLowerInvariant());
            }
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
