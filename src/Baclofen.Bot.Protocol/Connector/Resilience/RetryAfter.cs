using System.Net.Http.Headers;

namespace Baclofen.Bot.Protocol.Connector.Resilience;

/// <summary>Reads the Retry-After response header, in either of its forms (delta seconds or HTTP date).</summary>
public static class RetryAfter
{
    /// <summary>The wait the server asked for, measured from <paramref name="now"/>; a date in the past is zero.</summary>
    public static TimeSpan? From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
