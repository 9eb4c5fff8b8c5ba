using Baclofen.Bot.Protocol.Adapter;
using Baclofen.Bot.Protocol.Tests.Support;

namespace Baclofen.Bot.Protocol.Tests;

/// <summary>A flood of refusals is one Information line a minute, each refusal only at Debug.</summary>
public sealed class RequestRefusalsTests
{
    private readonly ListLogger<RequestRefusals> _log = new();
    private readonly FakeTimeProvider _time = new();

    private IEnumerable<string> Information => _log.Lines.Where(l => l.StartsWith("Information", StringComparison.Ordinal));

    [Fact]
    public void Three_hundred_refusals_in_a_minute_are_one_summary_line_after_it()
    {
        var refusals = new RequestRefusals(_log, _time);

        for (var i = 0; i < 300; i++)
        {
            refusals.Record(401, "MalformedToken");
        }

        refusals.Record(429, "RateLimited");
        Assert.Empty(Information);
        Assert.Equal(301, _log.Lines.Count(l => l.StartsWith("Debug", StringComparison.Ordinal)));

        _time.Advance(RequestRefusals.Period);
        refusals.Record(401, "MalformedToken");

        var summary = Assert.Single(Information);
        Assert.Contains("302 requests", summary);
        Assert.Contains("401 MalformedToken x301", summary);
        Assert.Contains("429 RateLimited x1", summary);
    }

    [Fact]
    public void The_next_minute_starts_from_zero()
    {
        var refusals = new RequestRefusals(_log, _time);
        refusals.Record(503, "Busy:turns");
        _time.Advance(RequestRefusals.Period);
        refusals.Record(503, "Busy:turns");
        _time.Advance(RequestRefusals.Period);
        refusals.Record(503, "Busy:turns");

        Assert.Equal(["2 requests", "1 requests"], Information.Select(l => l.Contains("2 requests") ? "2 requests" : l.Contains("1 requests") ? "1 requests" : l));
    }
}
