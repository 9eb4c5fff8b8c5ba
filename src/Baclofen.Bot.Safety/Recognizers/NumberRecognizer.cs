using System.Globalization;
using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Recognizers;

/// <summary>Finds cardinal numbers written as digits ("20", "2.5") or words ("twenty-five",
/// "one hundred and fifty", "a dozen", "half", "a couple", "a few").</summary>
/// <remarks>"A few" resolves to 3: when a number decides whether someone is in danger, the
/// reading that errs towards more is the safe one.</remarks>
public sealed class NumberRecognizer
{
    public const string TypeName = "number";

    // Switches rather than dictionaries: most tokens are not numbers, and a switch on the
    // word's length and letters turns them away without hashing them. -1 is "not one".
    private static int UnitValue(string w) => w switch
    {
        "zero" => 0, "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6,
        "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10, "eleven" => 11, "twelve" => 12,
        "thirteen" => 13, "fourteen" => 14, "fifteen" => 15, "sixteen" => 16, "seventeen" => 17,
        "eighteen" => 18, "nineteen" => 19,
        _ => -1,
    };

    private static int TensValue(string w) => w switch
    {
        "twenty" => 20, "thirty" => 30, "forty" => 40, "fourty" => 40, "fifty" => 50,
        "sixty" => 60, "seventy" => 70, "eighty" => 80, "ninety" => 90,
        _ => -1,
    };

    public IReadOnlyList<ModelResult<double>> Recognize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var tokens = Tokenizer.Tokenize(text);
        return Find(tokens)
            .Select(n => new ModelResult<double>(
                text[tokens[n.First].Start..(tokens[n.Last].End + 1)], tokens[n.First].Start, tokens[n.Last].End, TypeName, n.Value))
            .ToList();
    }

    /// <summary>The numbers in a token list, as token ranges.</summary>
    internal static List<NumberSpan> Find(IReadOnlyList<Token> tokens) => SpanScanner.Scan<NumberSpan>(tokens, TryRead, s => s.Last);

    internal static bool TryRead(IReadOnlyList<Token> tokens, int i, out NumberSpan span)
    {
        span = default;
        if (i < 0 || i >= tokens.Count) return false;
        string word = tokens[i].Text;
        // Most words start no number; one switch turns them away before the readings below.
        if (!tokens[i].IsNumber && !MayStartNumber(word)) return false;
        string next = At(tokens, i + 1);

        if (tokens[i].IsNumber)
        {
            if (!double.TryParse(word, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double digits)) return false;
            int last = i;
            if (next == "dozen") { digits *= 12; last++; }
            else if (next == "hundred") { digits *= 100; last++; }
            span = new NumberSpan(i, last, digits);
            return true;
        }

        // Article-led amounts: "a dozen", "a couple (of)", "a few", "a half", "a hundred".
        if (word is "a" or "an")
        {
            double? value = next switch
            {
                "dozen" => 12, "couple" => 2, "few" => 3, "half" => 0.5, "hundred" => 100, "thousand" => 1000,
                _ => null,
            };
            if (value is null) return false;
            if (next is "hundred" or "thousand" && TryReadWords(tokens, i + 1, out var scaled)) { span = scaled with { First = i }; return true; }
            span = new NumberSpan(i, i + 1, value.Value);
            return true;
        }
        if (word == "dozen") { span = new NumberSpan(i, i, 12); return true; }
        if (word == "half") { span = new NumberSpan(i, i, 0.5); return true; }
        if (word == "couple" && next == "of") { span = new NumberSpan(i, i, 2); return true; }

        return TryReadWords(tokens, i, out span);
    }

    // Every word a number in words can start with: the article-led and single-word amounts
    // below, and the first word TryReadWords accepts (a unit, a tens word, or a scale after "a").
    private static bool MayStartNumber(string word) => word switch
    {
        "a" or "an" or "dozen" or "half" or "couple" or "hundred" or "thousand" => true,
        _ => UnitValue(word) >= 0 || TensValue(word) >= 0,
    };

    private enum Part { None, Unit, Teen, Tens, Scale }

    // Compound number words: "twenty five", "one hundred and fifty", "two thousand", "two and a half".
    // Each word may only follow the kinds of word that can precede it in English, so "five
    // twenty" reads as two numbers rather than twenty-five.
    private static bool TryReadWords(IReadOnlyList<Token> tokens, int i, out NumberSpan span)
    {
        span = default;
        bool afterArticle = i > 0 && tokens[i - 1].Text is "a" or "an";
        double total = 0, current = 0;
        int last = -1;
        var previous = Part.None;
        for (int j = i; j < tokens.Count; j++)
        {
            string w = tokens[j].Text;
            if (UnitValue(w) is var small and >= 0)
            {
                bool isTeen = small >= 10;
                bool allowed = isTeen ? previous is Part.None or Part.Scale : previous is Part.None or Part.Tens or Part.Scale;
                if (!allowed) break;
                current += small; last = j; previous = isTeen ? Part.Teen : Part.Unit;
            }
            else if (TensValue(w) is var tens and >= 0)
            {
                if (previous is not (Part.None or Part.Scale)) break;
                current += tens; last = j; previous = Part.Tens;
            }
            else if (w is "hundred" or "thousand")
            {
                if (previous is Part.None && !(afterArticle && j == i)) break;
                if (w == "hundred") current = (current == 0 ? 1 : current) * 100;
                else { total += (current == 0 ? 1 : current) * 1000; current = 0; }
                last = j; previous = Part.Scale;
            }
            else if (w == "dozen" && previous is not Part.None)
            {
                current *= 12; last = j; previous = Part.Scale;
            }
            else if (w == "and" && previous is not Part.None)
            {
                string after = At(tokens, j + 1);
                if (after == "a" && At(tokens, j + 2) == "half") { current += 0.5; last = j + 2; break; }
                if (previous is Part.Scale && (UnitValue(after) >= 0 || TensValue(after) >= 0)) continue;
                break;
            }
            else break;
        }
        if (last < 0) return false;
        span = new NumberSpan(i, last, total + current);
        return true;
    }

    private static string At(IReadOnlyList<Token> tokens, int i) => i < tokens.Count ? tokens[i].Text : "";
}

/// <summary>A number found over tokens <see cref="First"/>..<see cref="Last"/>.</summary>
internal readonly record struct NumberSpan(int First, int Last, double Value);
