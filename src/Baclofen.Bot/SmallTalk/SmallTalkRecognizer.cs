using System.Text.RegularExpressions;
using Baclofen.Bot.Pipeline;

namespace Baclofen.Bot.SmallTalk;

/// <summary>
/// Recognises conversational messages (greetings, thanks, help, goodbye, "are you a human?")
/// so they get a short canned reply instead of a forced FAQ match. A message is small talk
/// only when small-talk phrases make up all of it: "hi, can I drink on baclofen?" is a
/// question with a greeting in front, and the greeting is stripped so retrieval sees only
/// the question.
/// </summary>
public sealed partial class SmallTalkRecognizer
{
    // Longest phrases first within an intent, so "thank you so much" is consumed whole.
    private static readonly (SmallTalkIntent Intent, string[] Phrases)[] Lexicon =
    [
        (SmallTalkIntent.Help, [
            "what kind of questions can i ask you", "what kind of questions can i ask", "what questions can i ask",
            "what can i ask you", "what can i ask", "what can you do", "what can you help with", "what can you help me with",
            "what do you know", "what do you do", "how does this work", "how do i use this", "show me the menu",
            "main menu", "menu", "help me", "help", "options", "start over", "restart", "commands",
        ]),
        (SmallTalkIntent.Identity, [
            "am i talking to a real person", "am i talking to a human", "am i talking to a bot", "is this a real person",
            "is this a bot", "is this a human", "are you a real person", "are you a human", "are you human",
            "are you a robot", "are you a bot", "are you real", "are you ai", "are you an ai", "who made you",
            "who built you", "what are you", "who are you", "who is this", "whats your name", "what is your name",
        ]),
        (SmallTalkIntent.Goodbye, [
            "thats all for now", "that is all for now", "thats all", "that is all", "talk to you later", "see you later",
            "see ya", "see you", "good night", "goodnight", "goodbye", "good bye", "bye bye", "bye", "cya",
            "take care", "have a good day", "have a nice day", "later",
        ]),
        (SmallTalkIntent.Thanks, [
            "thank you very much", "thank you so much", "thanks so much", "thanks a lot", "thanks a bunch",
            "thank you", "thankyou", "thanks", "thank u", "thx", "ty", "cheers", "much appreciated", "appreciate it",
            "i appreciate it", "that helped a lot", "that helped", "that helps", "that was helpful", "very helpful",
            "helpful", "great", "awesome", "perfect", "cool", "got it", "ok", "okay", "k", "alright", "nice",
        ]),
        (SmallTalkIntent.Greeting, [
            "good morning", "good afternoon", "good evening", "good day", "hello there", "hi there", "hey there",
            "is anyone there", "is anybody there", "anyone there", "anybody there", "are you there",
            "how are you doing", "how are you", "hows it going", "whats up", "hello", "hiya", "hey", "hi",
            "howdy", "greetings", "yo", "morning", "evening",
        ]),
    ];

    // Split once and listed under their first word, in lexicon order: MatchAt runs at every word
    // of every message and only phrases starting with that word can match there.
    private static readonly Dictionary<string, (SmallTalkIntent Intent, string[] Parts)[]> ByFirstWord =
        Lexicon.SelectMany(entry => entry.Phrases.Select(p => (entry.Intent, Parts: p.Split(' '))))
            .GroupBy(p => p.Parts[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    // Words that may accompany a small-talk phrase without making it a question.

    private static readonly HashSet<string> Fillers = ["so", "much", "again", "very", "bot", "everyone", "all", "and", "oh", "well", "guys", "friend", "today", "lot", "a", "you", "too", "for", "now", "then"];

    /// <summary>The intent when the whole message is small talk; otherwise null.</summary>
    public SmallTalkIntent? Recognize(string text) => Analyze(text).Intent;

    /// <summary><see cref="Recognize"/> and <see cref="StripLeadingGreeting"/> from one reading of
    /// the message: the intent, or (when it is no small talk) the text without leading greetings.</summary>
    public (SmallTalkIntent? Intent, string Remainder) Read(string text)
    {
        var (intent, remainder) = Analyze(text);
        return (intent, remainder ?? text);
    }

    /// <summary>
    /// The message with leading greetings removed ("hello, does baclofen..." becomes
    /// "does baclofen..."), or the text itself when there is nothing to strip.
    /// </summary>
    public string StripLeadingGreeting(string text) => Analyze(text).Remainder ?? text;

    private (SmallTalkIntent? Intent, string? Remainder) Analyze(string text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return (null, null);
        }

        SmallTalkIntent? first = null;
        var highest = (SmallTalkIntent?)null;
        var position = 0;
        while (position < words.Count)
        {
            if (Fillers.Contains(words[position]))
            {
                position++;
                continue;
            }

            var match = MatchAt(words, position);
            if (match is null)
            {
                break;
            }

            first ??= match.Value.Intent;
            highest = highest is null || Priority(match.Value.Intent) > Priority(highest.Value) ? match.Value.Intent : highest;
            position += match.Value.Length;
        }

        if (position >= words.Count && first is not null)
        {
            return (highest, null);
        }

        // Only a greeting in front of a question is removed; "thanks, and what about alcohol?"
        // keeps its words because the question may lean on them.
        if (first == SmallTalkIntent.Greeting && position > 0)
        {
            var consumed = string.Join(' ', words.Take(position));
            var remainder = RemovePrefixWords(text, position);
            return (null, string.IsNullOrWhiteSpace(remainder) ? consumed : remainder);
        }

        return (null, null);
    }

    // Help and identity questions outrank a polite "hi" or "thanks" said alongside them.
    private static int Priority(SmallTalkIntent intent) => intent switch
    {
        SmallTalkIntent.Help => 5,
        SmallTalkIntent.Identity => 4,
        SmallTalkIntent.Goodbye => 3,
        SmallTalkIntent.Thanks => 2,
        _ => 1,
    };

    private static (SmallTalkIntent Intent, int Length)? MatchAt(List<string> words, int position)
    {
        (SmallTalkIntent Intent, int Length)? best = null;
        if (!ByFirstWord.TryGetValue(words[position], out var candidates))
        {
            return null;
        }

        // The longest phrase wins; of equally long ones, the first in the lexicon.
        foreach (var (intent, parts) in candidates)
        {
            if (parts.Length <= (best?.Length ?? 0) || position + parts.Length > words.Count)
            {
                continue;
            }

            var matches = true;
            for (var i = 1; i < parts.Length && matches; i++)
            {
                matches = words[position + i] == parts[i];
            }

            if (matches)
            {
                best = (intent, parts.Length);
            }
        }

        return best;
    }

    private static List<string> Words(string text) => ChatWords.Split(text);

    private static string RemovePrefixWords(string text, int count)
    {
        var matches = WordToken().Matches(text);
        // Apostrophes inside words do not split them, matching Words().
        return count < matches.Count ? text[matches[count].Index..].Trim() : string.Empty;
    }

    [GeneratedRegex("[A-Za-z0-9]+(?:['\u2019][A-Za-z0-9]+)*")]
    private static partial Regex WordToken();
}
