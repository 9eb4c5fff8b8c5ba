namespace Baclofen.Bot.Knowledge.Tests.Support;

/// <summary>A throw-away copy of the fixture FAQ that a test may break on purpose.</summary>
public sealed class FaqDirectory : IDisposable
{
    public static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "faq");

    private readonly string _root;

    public FaqDirectory()
    {
        _root = Path.Combine(Path.GetTempPath(), "faq-test-" + Guid.NewGuid().ToString("N"));
        Dir = Path.Combine(_root, "faq");
        Directory.CreateDirectory(Dir);
        foreach (var file in Directory.GetFiles(Fixture))
            File.Copy(file, Path.Combine(Dir, Path.GetFileName(file)));
    }

    /// <summary>The FAQ folder; it is called "faq" so messages read faq/file.md:line.</summary>
    public string Dir { get; }

    public void Write(string file, string text) => File.WriteAllText(Path.Combine(Dir, file), text);

    public void Delete(string file) => File.Delete(Path.Combine(Dir, file));

    /// <summary>Replaces the first occurrence of <paramref name="old"/> in a file.</summary>
    public void Edit(string file, string old, string replacement)
    {
        var path = Path.Combine(Dir, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' not in {file}");
        File.WriteAllText(path, text[..at] + replacement + text[(at + old.Length)..]);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
