namespace Baclofen.Bot.Safety.Recognizers;

/// <summary>One thing a recognizer found in a text, shaped like Microsoft.Recognizers.Text's
/// ModelResult, but with a typed resolution instead of a dictionary.</summary>
/// <param name="Text">The matched text as typed.</param>
/// <param name="Start">Index of its first character.</param>
/// <param name="End">Index of its last character (inclusive).</param>
/// <param name="TypeName">"number", "quantity" or "boolean".</param>
/// <param name="Resolution">What it means.</param>
public sealed record ModelResult<T>(string Text, int Start, int End, string TypeName, T Resolution);
