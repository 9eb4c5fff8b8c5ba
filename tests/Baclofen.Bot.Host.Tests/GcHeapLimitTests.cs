using Microsoft.Extensions.Configuration;

namespace Baclofen.Bot.Host.Tests;

/// <summary>Bot:Memory:GCHeapLimitMegabytes: what cap a configuration asks for (applying it is the runtime's business).</summary>
public sealed class GcHeapLimitTests
{
    private const long Mb = 1024 * 1024;

    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void Default_is_no_cap_even_with_a_direct_line_budget()
    {
        // 0 is applied, not skipped: the process starts with a limit of its own (runtimeconfig) that "no cap" must lift.
        Assert.Equal(0L, GcHeapLimit.Resolve(Config(), runtimeLimitSet: false));
        Assert.Equal(0L, GcHeapLimit.Resolve(Config(("Widget:MaxStoredMegabytes", "100")), runtimeLimitSet: false));
    }

    [Fact]
    public void An_explicit_value_wins_and_zero_turns_the_cap_off()
    {
        Assert.Equal(200 * Mb, GcHeapLimit.Resolve(Config((GcHeapLimit.Key, "200")), runtimeLimitSet: false));
        Assert.Equal(0L, GcHeapLimit.Resolve(Config((GcHeapLimit.Key, "0")), runtimeLimitSet: false));
    }

    [Fact]
    public void A_limit_given_to_the_runtime_directly_is_left_alone()
    {
        Assert.Null(GcHeapLimit.Resolve(Config((GcHeapLimit.Key, "200")), runtimeLimitSet: true));
    }

    [Theory]
    [InlineData("16")]
    [InlineData("-5")]
    [InlineData("lots")]
    public void A_cap_too_small_to_run_or_not_a_number_is_refused_at_start_up(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => GcHeapLimit.Resolve(Config((GcHeapLimit.Key, value)), runtimeLimitSet: false));
        Assert.Contains(GcHeapLimit.Key, error.Message);
    }
}
