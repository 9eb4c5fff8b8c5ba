using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Baclofen.Bot.Protocol.Connector.Resilience;
using Baclofen.Bot.Protocol.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

/// <summary>
/// The connector's retry handler (AddConnectorRetries, as AddBotProtocol puts it on the connector's
/// HttpClient) against a scripted server on the loopback. The clock is fake and stands still until a
/// retry has been decided, so the delays asserted are the ones the handler chose (it logs each);
/// then the test moves the clock until the retry's timer fires.
/// </summary>
public sealed class ConnectorRetryTests : IAsyncLifetime
{
    private const string Path = "/v3/conversations/c1/activities";
    private const int RetryEventId = 4103;

    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    // Whole seconds, near the real time: an HTTP-date Retry-After has second resolution, and the
    // resilience handler measures it from the wall clock.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly LogCapture _logs = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(async context =>
    {
        using var reader = new StreamReader(context.Request.Body);
        _bodies.Enqueue(await reader.ReadToEndAsync());
        if (_script.TryDequeue(out var step))
        {
            await step(context);
        }
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private List<TimeSpan> RetryDelays => [.. _logs.WithEventId(RetryEventId).Select(v => (TimeSpan)v["Delay"]!)];

    private void Then(int status, Action<HttpResponse>? headers = null) => _script.Enqueue(context =>
    {
        context.Response.StatusCode = status;
        headers?.Invoke(context.Response);
        return Task.CompletedTask;
    });

    private async Task<HttpResponseMessage> SendAsync(ConnectorRetryOptions? options = null, TimeProvider? time = null)
    {
        options ??= new ConnectorRetryOptions { AttemptTimeout = null };
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs))
            .AddSingleton(time ?? _time);
        services.AddOptions<ConnectorRetryOptions>().Configure(o =>
        {
            o.MaxRetryAttempts = options.MaxRetryAttempts;
            o.BaseDelay = options.BaseDelay;
            o.MaxDelay = options.MaxDelay;
            o.AttemptTimeout = options.AttemptTimeout;
            o.MaxRetryAfter = options.MaxRetryAfter;
        });
        services.AddHttpClient("connector").AddConnectorRetries();
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("connector");

        var sending = client.PostAsync(_server.Url(Path), new StringContent("""{"type":"message"}"""));
        if (time is null)
        {
            // Bounded: 2,000 steps of 250 ms is over eight minutes of fake time.
            for (var step = 0; !sending.IsCompleted && step < 2_000; step++)
            {
                if (RetryDelays.Count > 0)
                {
                    _time.Advance(TimeSpan.FromMilliseconds(250));
                }

                await Task.Delay(2);
            }
        }

        return await sending;
    }

    [Fact]
    public async Task Service_unavailable_then_ok_is_retried_once_with_the_same_body()
    {
        Then(503);

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Count(Path));
        Assert.All(_bodies, b => Assert.Equal("""{"type":"message"}""", b));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Transient_statuses_are_retried(int status)
    {
        Then(status);

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Count(Path));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task Other_failures_are_not_retried(int status)
    {
        Then(status);

        using var response = await SendAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(1, _server.Count(Path));
    }

    [Fact]
    public async Task Too_many_requests_waits_exactly_the_retry_after_seconds()
    {
        Then(429, r => r.Headers.RetryAfter = "7");

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(7)], RetryDelays);
    }

    [Fact]
    public async Task Retry_after_given_as_an_http_date_is_measured_from_now()
    {
        var at = _time.GetUtcNow().AddSeconds(12).ToString("R", CultureInfo.InvariantCulture);
        Then(503, r => r.Headers.RetryAfter = at);

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delay = Assert.Single(RetryDelays);
        Assert.InRange(delay, TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task Retry_after_longer_than_the_limit_is_returned_to_the_caller_without_waiting()
    {
        Then(429, r => r.Headers.RetryAfter = "3600");

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, _server.Count(Path));
        Assert.Empty(RetryDelays);
    }

    [Fact]
    public async Task Persistent_unavailability_gives_up_after_the_attempt_limit_with_growing_bounded_delays()
    {
        for (var i = 0; i < 10; i++)
        {
            Then(503);
        }
        var options = new ConnectorRetryOptions { AttemptTimeout = null, MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(20) };

        using var response = await SendAsync(options);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, _server.Count(Path));
        Assert.Equal(3, RetryDelays.Count);
        Assert.All(RetryDelays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        // Real clock, short timeout: the server holds the first request for at most 5 s.
        _script.Enqueue(async context =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        var options = new ConnectorRetryOptions
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(300),
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryAttempts = 2,
        };

        using var response = await SendAsync(options, TimeProvider.System);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Count(Path));
    }

    [Fact]
    public async Task Retry_after_as_a_date_in_the_past_is_retried()
    {
        var past = _time.GetUtcNow().AddMinutes(-2).ToString("R", CultureInfo.InvariantCulture);
        Then(503, r => r.Headers.RetryAfter = past);

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Count(Path));
        Assert.Single(RetryDelays);
    }

    [Fact]
    public async Task Retry_after_as_a_date_beyond_the_limit_is_returned_without_waiting()
    {
        var late = _time.GetUtcNow().AddHours(2).ToString("R", CultureInfo.InvariantCulture);
        Then(503, r => r.Headers.RetryAfter = late);

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _server.Count(Path));
        Assert.Empty(RetryDelays);
    }
}
