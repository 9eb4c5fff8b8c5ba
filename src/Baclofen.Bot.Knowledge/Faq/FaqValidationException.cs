namespace Baclofen.Bot.Knowledge.Faq;

/// <summary>One problem in the FAQ directory, located as <c>faq/onset.md:5</c>.</summary>
public sealed record FaqValidationError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>
/// The FAQ directory is invalid. Carries every error found, not just the first, so whoever edits
/// the content fixes everything in one round; the host exits non-zero on it rather than serve a
/// partial FAQ.
/// </summary>
public sealed class FaqValidationException(IReadOnlyList<FaqValidationError> errors)
    : Exception(FormatMessage(errors))
{
    public IReadOnlyList<FaqValidationError> Errors { get; } = errors;

    private static string FormatMessage(IReadOnlyList<FaqValidationError> errors) =>
        $"The FAQ has {errors.Count} error(s):{Environment.NewLine}" +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
