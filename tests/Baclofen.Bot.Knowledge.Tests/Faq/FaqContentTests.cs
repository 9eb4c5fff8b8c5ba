using Baclofen.Bot.Knowledge.Faq;

namespace Baclofen.Bot.Knowledge.Tests.Faq;

/// <summary>
/// Issue 18's rules for the real faq/, beyond what the loader validates: the required entries
/// exist, answers about a danger carry a disclaimer that names the danger signs and 911 (the
/// safety gate no longer sends its fixed emergency text for questions such as "how long does
/// withdrawal last"), and sources put the authoritative ones first and show a seed page as an
/// online article, never by the business that published it.
/// </summary>
public sealed class FaqContentTests
{
    private static readonly Lazy<FaqCatalog> Catalog = new(() => FaqLoader.Load(Path.Combine(RepositoryRoot.Find(), "faq")));

    /// <summary>Seed pages are keyed by their file's 3-digit prefix; every other source is a label
    /// or a government page.</summary>
    private static bool IsSeedPage(string sourceKey) => sourceKey.Length == 3 && sourceKey.All(char.IsAsciiDigit);

    [Theory]
    [InlineData("pump")]
    [InlineData("memory-thinking")]
    [InlineData("children")]
    [InlineData("controlled-substance")]
    public void The_entries_issue_18_adds_exist(string id) => Assert.True(Catalog.Value.TryGet(id, out _), id);

    [Theory]
    [InlineData("withdrawal")]
    [InlineData("overdose-symptoms")]
    [InlineData("pump")]
    [InlineData("children")]
    [InlineData("side-effects-serious")]
    [InlineData("allergic-reaction")]
    public void Answers_about_a_danger_carry_a_disclaimer_that_names_911_and_danger_signs(string id)
    {
        var disclaimer = Catalog.Value.DisclaimerFor(Catalog.Value[id]).Text;
        Assert.Contains("911", disclaimer);
        Assert.Contains("seizure", disclaimer);
        Assert.Contains("hard to wake", disclaimer);
    }

    [Fact]
    public void The_new_disclaimers_load_and_are_used()
    {
        var catalog = Catalog.Value;
        Assert.Equal("pregnancy", catalog["pregnancy"].DisclaimerKey);
        Assert.Equal("emergency-signs", catalog["pump"].DisclaimerKey);
        Assert.Contains("breastfeeding", catalog.Disclaimers["pregnancy"].Text);
        Assert.Contains("serious reaction", catalog.Disclaimers["stopping"].Text);
    }

    [Fact]
    public void Every_entry_lists_its_authoritative_sources_before_the_seed_pages()
    {
        var misordered = Catalog.Value.Entries
            .Where(e => e.SourceKeys.SkipWhile(k => !IsSeedPage(k)).Any(k => !IsSeedPage(k)))
            .Select(e => $"{e.Id}: [{string.Join(", ", e.SourceKeys)}]")
            .ToList();
        Assert.True(misordered.Count == 0, string.Join("\n", misordered));
    }

    [Fact]
    public void Seed_pages_are_shown_as_an_online_article_and_every_source_is_cited()
    {
        var sources = Catalog.Value.Sources;
        Assert.Contains(sources.Keys, k => !IsSeedPage(k));
        Assert.All(sources.Values.Where(s => IsSeedPage(s.Key)), s => Assert.Equal("online article", s.Publisher));
        var cited = Catalog.Value.Entries.SelectMany(e => e.SourceKeys).ToHashSet();
        Assert.All(sources.Keys, k => Assert.Contains(k, cited));
    }
}
