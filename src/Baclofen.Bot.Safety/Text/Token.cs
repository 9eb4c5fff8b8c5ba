namespace Baclofen.Bot.Safety.Text;

/// <summary>One word of a message.</summary>
/// <param name="Text">Lower-case, apostrophes and inner dots removed ("won't" → "wont", "o.d." → "od"),
/// so rules spell words the way people type them without punctuation.</param>
/// <param name="Original">The characters as typed; some meanings hang on casing ("ODd" vs "odd").</param>
/// <param name="Start">Index of the first character in the source text.</param>
/// <param name="End">Index of the last character (inclusive, as Microsoft.Recognizers.Text reports it).</param>
/// <param name="Sentence">Index of the sentence (split at . ! ? ; and line breaks).</param>
/// <param name="Clause">Index of the clause (sentences split further at commas, colons and brackets).</param>
public sealed record Token(string Text, string Original, int Start, int End, int Sentence, int Clause)
{
    public bool IsNumber => Text.Length > 0 && char.IsAsciiDigit(Text[0]);
}
