namespace Baclofen.Bot.Pipeline;

/// <summary>
/// A message as the small-talk and follow-up readers see it: lower-cased, apostrophes dropped
/// ("don't" → "dont"), split into runs of a–z and 0–9. Exactly what
/// <c>Regex.Split(Regex.Replace(text.ToLowerInvariant(), "['’]", ""), "[^a-z0-9]+")</c> gives
/// without its empty pieces, in one pass with no regex: it runs several times per message.
/// </summary>
internal static class ChatWords
{
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var lowered = text.ToLowerInvariant();
        Span<char> word = lowered.Length <= 256 ? stackalloc char[lowered.Length] : new char[lowered.Length];
        var length = 0;
        foreach (var c in lowered)
        {
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                word[length++] = c;
                continue;
            }

            if (length > 0)
            {
                words.Add(new string(word[..length]));
                length = 0;
            }
        }

        if (length > 0)
        {
            words.Add(new string(word[..length]));
        }

        return words;
    }
}
