namespace Baclofen.Bot.Benchmarks;

/// <summary>The repository's folders, found from wherever the benchmark runs (BenchmarkDotNet builds a child project below bin/).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = RepositoryRoot.Find();

    public static string Faq => Path.Combine(Root, "faq");

    public static string HostDll(string configuration = "Release") =>
        Path.Combine(Root, "src", "Baclofen.Bot.Host", "bin", configuration, "net10.0", "Baclofen.Bot.Host.dll");
}
