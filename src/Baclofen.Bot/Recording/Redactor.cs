using System.Text.RegularExpressions;

namespace Baclofen.Bot.Recording;

/// <summary>
/// Removes personal data from a question before it is kept: email addresses, web addresses,
/// phone numbers, ID-like codes ("AB12345", "MRN 00123"), street addresses, every other number
/// (digits and number words, since a dose, an age or a date can identify someone together with
/// the rest) and names (<see cref="NameRedactor"/>). Each becomes a placeholder so the question
/// still reads. Errs towards removing too much: the log is for finding missing FAQ topics, and a
/// redacted word costs the clinic little.
/// </summary>
public static partial class Redactor
{
    public const string Email = "[email]";
    public const string Url = "[url]";
    public const string Phone = "[phone]";
    public const string Number = "[number]";
    public const string Name = "[name]";
    public const string Id = "[id]";
    public const string Address = "[address]";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = EmailPattern().Replace(text, Email);
        redacted = UrlPattern().Replace(redacted, Url);
        redacted = PhonePattern().Replace(redacted, Phone);
        // Codes and addresses before numbers: "AB12345" and "221 Baker Street" are whole things to remove.
        redacted = LabelledIdPattern().Replace(redacted, m => m.Groups["label"].Value + Id);
        redacted = CodePattern().Replace(redacted, Id);
        redacted = StreetPattern().Replace(redacted, Address);
        redacted = ProperStreetPattern().Replace(redacted, Address);
        redacted = SpanishStreetPattern().Replace(redacted, Address);
        redacted = PostBoxPattern().Replace(redacted, Address);
        redacted = DigitsPattern().Replace(redacted, Number);
        redacted = NumberWordsPattern().Replace(redacted, Number);
        return NameRedactor.Redact(redacted, Name);
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|uk|us|ca|au|info|health)\b(?:/\S*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    // Seven or more digits, optionally with a leading + and separated by spaces, dots, dashes or brackets.
    [GeneratedRegex(@"\+?\(?\d(?:[\s().-]*\d){6,}", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    // "MRN 00123", "patient ID: 55-A", "ID#A1B2C3", "member number X12": the label stays, the code goes.
    [GeneratedRegex(
        @"(?<label>\b(?:mrn|id|patient\s+(?:id|number|no)|member\s+(?:id|number|no)|medical\s+record(?:\s+number)?|record\s+number|chart\s+number|account(?:\s+number)?|acct|policy(?:\s+number)?|insurance\s+(?:id|number)|nhs(?:\s+number)?|ssn|social\s+security(?:\s+number)?|medicare(?:\s+number)?|medicaid(?:\s+number)?|rx\s+number|prescription\s+number|case\s+number|dni|nie|curp)\b\s*(?:(?:number|no\.?|num)\s*)?[:#]?\s*(?:is\s+)?)[A-Za-z0-9-]*\d[A-Za-z0-9-]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledIdPattern();

    // A run of four or more letters and digits with at least one letter and two digits ("AB12345",
    // "A1B2C3", "x7y88"; not "B12"), unless it is a number with a unit or an ordinal ("10mg", "2nd", "24hrs").
    [GeneratedRegex(
        @"\b(?!\d+(?:[.,]\d+)?(?:mg|mcg|ug|ml|cc|g|kg|lbs?|h|hr|hrs|hours?|x|st|nd|rd|th|am|pm|mins?|s|yo|yrs?|iu|units?|mmol|cm|mm|ft|in)\b)(?=[A-Za-z0-9-]{4})(?=[A-Za-z0-9-]*[A-Za-z])(?=(?:[A-Za-z-]*\d){2})[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    // "221 Baker Street", "12 oak ave apt 3", "4b Elm Boulevard, Unit 7": a number, one to three
    // words that are not the glue of a sentence, and a word only a street address ends with.
    [GeneratedRegex(
        @"\b\d{1,6}[A-Za-z]?\s+(?:(?!(?:on|at|in|of|the|a|an|to|for|with|from|by|and|or|near|off|down|up|across|mg|ml|pills?|tablets?|times?|days?|weeks?)\b)[A-Za-z][A-Za-z'.-]*\s+){1,3}(?:street|avenue|ave|boulevard|blvd|parkway|pkwy|highway|hwy|terrace)\b\.?(?<unit>\s*,?\s*(?:(?:apt|apartment|unit|suite|ste|flat|piso)\.?\s*#?\s*|#\s*)[A-Za-z0-9-]+)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StreetPattern();

    // Endings that are also ordinary words ("way", "place", "drive", "St" of St John's wort) count
    // only after capitalised words and capitalised themselves: "42 Willow Way", "7 Kings Rd".
    [GeneratedRegex(
        @"\b\d{1,6}[A-Za-z]?\s+(?:[A-Z][a-z'.-]*\s+){1,3}(?:Street|St|Road|Rd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Circle|Cir|Close|Crescent|Cres|Square|Sq|Trail|Trl|Row|Gardens|Grove|Hill|Mews)\b\.?(?<unit>\s*,?\s*(?:(?:[Aa]pt|[Aa]partment|[Uu]nit|[Ss]uite|[Ss]te|[Ff]lat)\.?\s*#?\s*|#\s*)[A-Za-z0-9-]+)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex ProperStreetPattern();

    // Spanish puts the street first: "Calle Mayor 15, piso 2", "avenida de la Paz nº 8".
    [GeneratedRegex(
        @"\b(?:calle|c/|avenida|avda\.?|paseo|plaza|carrera|camino|carretera)\s+(?:[\p{L}'.-]+\s+){1,4}?(?:n[ºo°]\.?\s*)?\d{1,5}[A-Za-z]?(?:\s*,?\s*(?:piso|puerta|apt|apto|depto|dpto)\.?\s*[A-Za-z0-9ºª-]+)*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpanishStreetPattern();

    [GeneratedRegex(@"\bP\.?\s?O\.?\s+Box\s+\w+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostBoxPattern();

    [GeneratedRegex(@"\d+(?:[.,:/]\d+)*(?:st|nd|rd|th)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(
        @"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:[\s-]+(?:and[\s-]+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million))*\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWordsPattern();
}
