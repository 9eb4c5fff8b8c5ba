using System.Text;
using Baclofen.Bot.Safety.Emergency;
using Baclofen.Bot.Safety.Recognizers;

namespace Baclofen.Bot.Safety.Tests;

/// <summary>Property-style checks over generated input: the gate must never throw, whatever arrives.</summary>
public class RobustnessTests
{
    private static readonly EmergencyDetector Detector = new();
    private static readonly NumberRecognizer Numbers = new();
    private static readonly QuantityRecognizer Quantities = new(["baclofen"]);
    private static readonly BooleanRecognizer YesNo = new();

    // Characters that stress the tokenizer: apostrophes, dots, digits glued to letters,
    // surrogate pairs, combining marks, controls and separators.
    private const string Alphabet = "abcdeiklmnoprstuwyzODGM0123456789 .,'’?!;:-()\n\t\r\u0301\u200b\0µ😭👍🚨";

    private static readonly string[] Words =
    [
        "took", "20", "mg", "twenty", "five", "the", "whole", "bottle", "not", "breathing", "seizure", "o.d.", "OD'd",
        "a", "dozen", "of", "my", "pills", "and", "half", "can't", "wake", "up", "?", "hundred", "x", "all", "them",
    ];

    public static IEnumerable<object[]> Seeds => Enumerable.Range(1, 20).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_characters_never_throw(int seed)
    {
        var random = new Random(seed);
        for (int n = 0; n < 200; n++)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 120);
            for (int i = 0; i < length; i++) builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            AssertNeverThrows(builder.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_word_salad_never_throws(int seed)
    {
        var random = new Random(seed);
        for (int n = 0; n < 200; n++)
        {
            var words = Enumerable.Range(0, random.Next(0, 30)).Select(_ => Words[random.Next(Words.Length)]);
            AssertNeverThrows(string.Join(random.Next(2) == 0 ? " " : "", words));
        }
    }

    [Fact]
    public void Very_long_message_never_throws_and_still_finds_the_emergency()
    {
        string filler = string.Concat(Enumerable.Repeat("my physio says the stretches are going well and the pharmacy was helpful ", 2000));
        string message = filler + " my son took the whole bottle " + filler;

        AssertNeverThrows(message);
        Assert.True(Detector.Assess(message).IsEmergency);
    }

    [Fact]
    public void Single_enormous_word_never_throws()
        => AssertNeverThrows(new string('a', 100_000) + " " + string.Concat(Enumerable.Repeat("9", 5000)));

    private static void AssertNeverThrows(string text)
    {
        var assessment = Detector.Assess(text);
        // A category comes with an alarm, or with a topic question answered without one.
        Assert.Equal(assessment.IsEmergency || assessment.IsTopic, assessment.Category is not null);
        _ = Numbers.Recognize(text);
        _ = Quantities.Recognize(text);
        _ = YesNo.Resolve(text);
    }
}
