namespace Baclofen.Bot.Testing;

/// <summary>
/// The folder holding Baclofen.Bot.sln, found by walking up from the running binaries: tests and
/// benchmarks read the dev sets, fixtures and faq/ from the repository, not from copies.
/// Linked into every project under tests/ by Directory.Build.props.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Find() => Root.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Baclofen.Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Baclofen.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
