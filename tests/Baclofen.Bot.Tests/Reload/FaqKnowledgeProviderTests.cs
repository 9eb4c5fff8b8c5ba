using Baclofen.Bot.Reload;
using Baclofen.Bot.Tests.Pipeline;

namespace Baclofen.Bot.Tests.Reload;

/// <summary>A reload that fails keeps the served version and never throws into its timer thread.</summary>
public sealed class FaqKnowledgeProviderTests
{
    private static FaqKnowledge Knowledge()
    {
        var fixture = new PipelineFixture();
        return new FaqKnowledge(fixture.Catalog, fixture.Create());
    }

    [Fact]
    public void A_successful_reload_swaps_in_the_new_version()
    {
        var first = Knowledge();
        var second = Knowledge();
        var builds = 0;
        var provider = new FaqKnowledgeProvider(() => ++builds == 1 ? first : second);

        Assert.True(provider.TryReload());
        Assert.Same(second, provider.Current);
        Assert.Equal(1, provider.Version);
    }

    public static TheoryData<Exception> Failures() => new()
    {
        new OutOfMemoryException(),
        new InvalidOperationException("index build failed"),
        new IOException("file is being written"),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failed_reload_keeps_the_old_version_serving(Exception failure)
    {
        var first = Knowledge();
        var builds = 0;
        var provider = new FaqKnowledgeProvider(() => ++builds == 1 ? first : throw failure);

        Assert.False(provider.TryReload());
        Assert.Same(first, provider.Current);
        Assert.Equal(0, provider.Version);
        Assert.Equal(2, builds);
    }
}
