using Baclofen.Bot.Protocol.State;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Direct Line's error body, <c>{"error":{"code":"...","message":"..."}}</c>. The code is
/// stable for clients to branch on; the message is for people and never echoes input.
/// </summary>
public static class DirectLineError
{
    public static IResult Result(int status, string code, string message) =>
        Results.Json(new ErrorBody(new ErrorDetail(code, message)), statusCode: status);

    public static IResult MissingToken() => Result(StatusCodes.Status401Unauthorized, "MissingToken", "An Authorization: Bearer token is required.");

    public static IResult NotFound() => Result(StatusCodes.Status404NotFound, "NotFound", "Unknown conversation.");

    /// <summary>429 with Retry-After in whole seconds (at least one).</summary>
    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Result(StatusCodes.Status429TooManyRequests, "TooManyRequests", message);
    }

    /// <summary>503 while the shared conversation store (Redis) cannot be reached: the conversation lives
    /// there, so nothing can be read or posted; Web Chat tries again.</summary>
    public static IResult StoreUnavailable(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = "2";
        return Result(StatusCodes.Status503ServiceUnavailable, "StoreUnavailable", "The conversation store is unavailable; try again shortly.");
    }

    /// <summary>Answers a Direct Line request that met a store outage with <see cref="StoreUnavailable"/>
    /// instead of a 500 (the store has logged the outage).</summary>
    public static async ValueTask<object?> StoreOutageFilter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocation).ConfigureAwait(false);
        }
        catch (StorageUnavailableException)
        {
            return StoreUnavailable(invocation.HttpContext);
        }
    }

    public static IResult BadArgument(string message) => Result(StatusCodes.Status400BadRequest, "BadArgument", message);

    public sealed record ErrorBody(ErrorDetail Error);

    public sealed record ErrorDetail(string Code, string Message);
}
