namespace Baclofen.Bot.Reload;

/// <summary>
/// Reloads the FAQ when a file in its folder changes. Editors save in bursts (temp file, rename,
/// several writes), so a reload waits until the folder has been quiet for <paramref name="quietPeriod"/>.
/// </summary>
public sealed class FaqFolderWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly TimeSpan _quietPeriod;

    public FaqFolderWatcher(string folder, FaqKnowledgeProvider provider, TimeSpan quietPeriod)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _quietPeriod = quietPeriod;
        _debounce = new Timer(_ => provider.TryReload());
        _watcher = new FileSystemWatcher(folder)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        // A lost event burst (buffer overflow) still ends in a reload.
        _watcher.Error += (_, _) => Schedule();
        _watcher.EnableRaisingEvents = true;
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => Schedule();

    private void Schedule() => _debounce.Change(_quietPeriod, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }
}
