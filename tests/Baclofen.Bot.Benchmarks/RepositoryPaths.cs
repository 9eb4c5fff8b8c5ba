namespace Baclofen.Bot.Benchmarks;

/// <summary>The repository's folders, found from wherever the benchmark runs (BenchmarkDotNet builds a child project below bin/).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Faq => Path.Combine(Root, "faq");

    public static string HostDll(string configuration = "Release") =>
        Path.Combine(Root, "src", "Baclofen.Bot.Host", "bin", configuration, "net10.0", "Baclofen.Bot.Host.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Baclofen.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository (Baclofen.Bot.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
