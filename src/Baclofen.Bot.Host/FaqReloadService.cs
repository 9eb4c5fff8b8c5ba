using Baclofen.Bot.Reload;

namespace Baclofen.Bot.Host;

/// <summary>Watches faq/ while the host runs (<c>Faq:ReloadOnChange</c>, on by default), so content edits go live without a restart.</summary>
public sealed class FaqReloadService(string folder, FaqKnowledgeProvider provider, ILogger<FaqReloadService> logger) : IHostedService, IDisposable
{
    public const string EnabledKey = "Faq:ReloadOnChange";

    /// <summary>Long enough for an editor's save burst, short enough that an edit is live before anyone asks.</summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(300);

    private FaqFolderWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _watcher = new FaqFolderWatcher(folder, provider, QuietPeriod);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // The bot still serves what it loaded; only live reload is lost.
            logger.LogWarning("Cannot watch the FAQ folder for edits ({ExceptionType}); restart the bot to serve changes.", ex.GetType().Name);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
    }
}
