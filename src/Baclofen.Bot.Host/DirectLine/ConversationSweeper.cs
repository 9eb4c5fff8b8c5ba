using Microsoft.Extensions.Hosting;

namespace Baclofen.Bot.Host.DirectLine;

/// <summary>
/// Frees idle conversations in the background, and says at start-up when tokens are signed
/// with a throw-away key (they then die with the process and fail on other instances).
/// </summary>
public sealed class ConversationSweeper(ConversationStore store, TokenSigningKey key, TimeProvider time, ILogger<ConversationSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (key.IsEphemeral)
        {
            logger.LogWarning("Widget:TokenSigningKey is not configured: a random key was generated. Widget tokens will not survive a restart and will not work across several instances.");
        }

        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var removed = store.SweepExpired();
            if (removed > 0)
            {
                logger.LogInformation("Dropped {Count} idle Direct Line conversations; {Remaining} remain.", removed, store.Count);
            }
        }
    }
}
