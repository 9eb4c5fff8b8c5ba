namespace Baclofen.Bot.Recording;

/// <summary>
/// A question the FAQ did not answer outright, for the clinic to improve the FAQ with.
/// <see cref="Text"/> has already been through <see cref="Redactor"/>.
/// </summary>
/// <param name="Kind">"fallback" (nothing matched) or "clarify" (the user was asked to choose).</param>
/// <param name="Candidates">The entries offered in a clarify, best first.</param>
public sealed record UnansweredQuestion(DateTimeOffset Time, string Kind, string Text, IReadOnlyList<string> Candidates);

/// <summary>Where unanswered questions go. Off by default (<see cref="NoUnansweredLog"/>).</summary>
public interface IUnansweredLog
{
    Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken = default);
}

/// <summary>The default: nothing is kept.</summary>
public sealed class NoUnansweredLog : IUnansweredLog
{
    public Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
