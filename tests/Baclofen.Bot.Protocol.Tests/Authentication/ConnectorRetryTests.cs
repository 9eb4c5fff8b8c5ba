using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Baclofen.Bot.Protocol.Connector.Resilience;
using Microsoft.AspNetCore.Http;

namespace Baclofen.Bot.Protocol.Tests.Authentication;

public sealed class ConnectorRetryTests : IAsyncLifetime
{
    private const string Path = "/v3/conversations/c1/activities";

    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly FakeTimeProvider _time = new() { AutoAdvanceUpTo = TimeSpan.FromMinutes(2) };
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

    private void Then(int status, Action<HttpResponse>? headers = null) => _script.Enqueue(context =>
    {
        context.Response.StatusCode = status;
        headers?.Invoke(context.Response);
        return Task.CompletedTask;
    });

    private async Task<HttpResponseMessage> SendAsync(ConnectorRetryOptions? options = null, TimeProvider? time = null)
    {
        options ??= new ConnectorRetryOptions { AttemptTimeout = null };
        var handler = new ConnectorRetryHandler(ConnectorResilience.CreatePipeline(options, time ?? _time))
        {
            InnerHandler = new SocketsHttpHandler(),
        };
        using var client = new HttpClient(handler);
        return await client.PostAsync(_server.Url(Path), new StringContent("""{"type":"message"}"""));
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
        Assert.Equal([TimeSpan.FromSeconds(7)], _time.AutoAdvancedDelays);
    }

    [Fact]
    public async Task Retry_after_given_as_an_http_date_is_measured_from_now()
    {
        var at = _time.GetUtcNow().AddSeconds(12).ToString("R", CultureInfo.InvariantCulture);
        Then(503, r => r.Headers.RetryAfter = at);

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(12)], _time.AutoAdvancedDelays);
    }

    [Fact]
    public async Task Retry_after_longer_than_the_limit_is_returned_to_the_caller_without_waiting()
    {
        Then(429, r => r.Headers.RetryAfter = "3600");

        using var response = await SendAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, _server.Count(Path));
        Assert.Empty(_time.AutoAdvancedDelays);
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
        Assert.True(_time.AutoAdvancedDelays.Count <= 3);
        Assert.All(_time.AutoAdvancedDelays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(20)));
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
    public void Retry_after_header_forms_are_both_understood()
    {
        var now = FakeTimeProvider.DefaultStart;
        using var delta = new HttpResponseMessage();
        delta.Headers.TryAddWithoutValidation("Retry-After", "30");
        using var date = new HttpResponseMessage();
        date.Headers.TryAddWithoutValidation("Retry-After", now.AddMinutes(2).ToString("R", CultureInfo.InvariantCulture));
        using var past = new HttpResponseMessage();
        past.Headers.TryAddWithoutValidation("Retry-After", now.AddMinutes(-2).ToString("R", CultureInfo.InvariantCulture));
        using var none = new HttpResponseMessage();

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.From(delta.Headers, now));
        Assert.Equal(TimeSpan.FromMinutes(2), RetryAfter.From(date.Headers, now));
        Assert.Equal(TimeSpan.Zero, RetryAfter.From(past.Headers, now));
        Assert.Null(RetryAfter.From(none.Headers, now));
    }
}
