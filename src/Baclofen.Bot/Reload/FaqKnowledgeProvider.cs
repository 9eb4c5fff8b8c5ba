using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baclofen.Bot.Reload;

/// <summary>
/// The knowledge the bot serves now. Each turn reads <see cref="Current"/> once; a reload builds
/// a whole new <see cref="FaqKnowledge"/> beside the old one and swaps it in with one reference
/// write, so no turn ever sees half an edit. A version that fails validation is never swapped in.
/// </summary>
public sealed partial class FaqKnowledgeProvider
{
    private readonly Func<FaqKnowledge>? _build;
    private readonly ILogger _logger;
    private readonly Lock _reloading = new();
    private FaqKnowledge _current;

    /// <summary>Builds the first version at once: an invalid faq/ at start-up throws, as it always has.</summary>
    /// <param name="build">Loads, validates and indexes faq/.</param>
    /// <param name="logger">Where reloads and rejected edits are reported.</param>
    public FaqKnowledgeProvider(Func<FaqKnowledge> build, ILogger<FaqKnowledgeProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        _build = build;
        _logger = logger ?? NullLogger<FaqKnowledgeProvider>.Instance;
        _current = build();
    }

    private FaqKnowledgeProvider(FaqKnowledge fixedKnowledge)
    {
        _logger = NullLogger<FaqKnowledgeProvider>.Instance;
        _current = fixedKnowledge;
    }

    /// <summary>A provider that never reloads, for tests and tools.</summary>
    public static FaqKnowledgeProvider Fixed(FaqKnowledge knowledge) => new(knowledge);

    /// <inheritdoc cref="Fixed(FaqKnowledge)"/>
    public static FaqKnowledgeProvider Fixed(TurnPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new(new FaqKnowledge(pipeline.Catalog, pipeline));
    }

    public FaqKnowledge Current => Volatile.Read(ref _current);

    /// <summary>How many times a new version was swapped in.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Builds from faq/ again. True when the new version is now served; false when it was invalid,
    /// in which case every error is logged with its file and line and the old version keeps serving.
    /// </summary>
    public bool TryReload()
    {
        if (_build is null)
        {
            return false;
        }

        // One build at a time: two bursts of file events must not race to swap.
        lock (_reloading)
        {
            FaqKnowledge next;
            try
            {
                next = _build();
            }
            catch (FaqValidationException ex)
            {
                foreach (var error in ex.Errors)
                {
                    LogInvalid(error.File, error.Line, error.Message);
                }

                return false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // A file still being written, or a synonym rule the retriever refuses.
                LogUnreadable(ex.GetType().Name, ex.Message);
                return false;
            }
            catch (Exception ex)
            {
                // The reload runs on a timer thread, where an escaping exception ends the process;
                // a build that ran out of memory under load (or failed any other way) costs the
                // edit, never the service. What it allocated is garbage once this unwinds.
                LogFailed(ex.GetType().Name, ex.Message);
                return false;
            }

            Volatile.Write(ref _current, next);
            Version++;
            LogReloaded(next.Catalog.Entries.Count);
            return true;
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "FAQ reloaded: {Entries} entries now served")]
    private partial void LogReloaded(int entries);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "FAQ edit rejected, the previous version keeps serving: {File}:{Line}: {Problem}")]
    private partial void LogInvalid(string file, int line, string problem);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "FAQ edit could not be read, the previous version keeps serving: {ExceptionType}: {Problem}")]
    private partial void LogUnreadable(string exceptionType, string problem);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "FAQ reload failed, the previous version keeps serving; save the file again to retry: {ExceptionType}: {Problem}")]
    private partial void LogFailed(string exceptionType, string problem);
}
