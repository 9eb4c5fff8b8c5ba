namespace Baclofen.Bot.Pipeline;

/// <summary>
/// Reads a pick among numbered choices ("2", "the second one", "first") as a zero-based position.
/// Only the whole message counts: "2 tablets" is a question, not a choice.
/// </summary>
public static class ChoiceOrdinal
{
    private static readonly string[][] Ordinals =
    [
        ["1", "first", "one", "1st", "the first", "the first one", "first one", "number 1", "number one", "option 1"],
        ["2", "second", "two", "2nd", "the second", "the second one", "second one", "number 2", "number two", "option 2"],
        ["3", "third", "three", "3rd", "the third", "the third one", "third one", "number 3", "number three", "option 3"],
    ];

    public static int? Read(string text)
    {
        var key = string.Join(' ', Context.FollowUpDetector.Words(text));
        for (var i = 0; i < Ordinals.Length; i++)
        {
            if (Ordinals[i].Contains(key))
            {
                return i;
            }
        }

        return null;
    }
}
