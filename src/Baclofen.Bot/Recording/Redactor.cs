using System.Text.RegularExpressions;

namespace Baclofen.Bot.Recording;

/// <summary>
/// Removes personal data from a question before it is kept: email addresses, web addresses,
/// phone numbers, every other number (digits and number words, since a dose, an age or a date
/// can identify someone together with the rest), and a name the user gives ("my name is …",
/// "I'm called …", "this is …"). Each becomes a placeholder so the question still reads.
/// Errs towards removing too much: a redacted word costs the clinic little.
/// </summary>
public static partial class Redactor
{
    public const string Email = "[email]";
    public const string Url = "[url]";
    public const string Phone = "[phone]";
    public const string Number = "[number]";
    public const string Name = "[name]";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = EmailPattern().Replace(text, Email);
        redacted = UrlPattern().Replace(redacted, Url);
        redacted = PhonePattern().Replace(redacted, Phone);
        redacted = DigitsPattern().Replace(redacted, Number);
        redacted = NumberWordsPattern().Replace(redacted, Number);
        redacted = NamedPattern().Replace(redacted, m => m.Groups["intro"].Value + Name);
        return IntroducedPattern().Replace(redacted, m => m.Groups["intro"].Value + Name);
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|uk|us|ca|au|info|health)\b(?:/\S*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    // Seven or more digits, optionally with a leading + and separated by spaces, dots, dashes or brackets.
    [GeneratedRegex(@"\+?\(?\d(?:[\s().-]*\d){6,}", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\d+(?:[.,:/]\d+)*(?:st|nd|rd|th)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(
        @"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:[\s-]+(?:and[\s-]+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million))*\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWordsPattern();

    // After an explicit "my name is", up to three words whatever their case ("my name is sarah jones").
    [GeneratedRegex(
        @"(?<intro>\b(?:my\s+name\s+is|my\s+name's|my\s+names|i'm\s+called|i\s+am\s+called|im\s+called|call\s+me)\s+)(?!at\b|on\b|\[)[A-Za-z][\w'-]*(?:\s+(?!and\b|but\b|how\b|what\b|can\b|i\b|im\b)[A-Za-z][\w'-]*){0,2}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedPattern();

    // "this is …" also introduces things that are not names ("this is normal"), so only capitalised words count.
    [GeneratedRegex(@"(?<intro>\b[Tt]his\s+is\s+)[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex IntroducedPattern();
}
