namespace Baclofen.Bot.Knowledge.Analysis;

/// <summary>The stop set for FAQ questions and chat messages.</summary>
/// <remarks>
/// Why this list and not Lucene's EnglishAnalyzer default: that list drops "no" and "not" but
/// keeps pronouns, auxiliaries and question words. Here every FAQ entry is a question, so "what",
/// "how", "does", "can I", "my" occur everywhere; in a 35-entry corpus BM25's idf cannot tell them
/// from content words, and a chatty message would match whichever entry happens to share "should
/// I". So we drop function words (articles, pronouns, auxiliaries, prepositions, question words,
/// chat filler) and KEEP words that change the answer:
/// <list type="bullet">
/// <item>negations ("not", "no", "never", "without"): "can't sleep" ≠ "can I sleep",
/// "without a prescription" is misuse;</item>
/// <item>verbs and adverbs of quantity and time ("stop", "quit", "long", "often", "much", "too",
/// "more", "after", "before", "same", "again"): "how long" and "too much" carry the question;</item>
/// <item>"other" ("other medicines") and "safe".</item>
/// </list>
/// Who is asking is dropped too ("my mom", "my husband", "a friend"): the FAQ's alternate
/// phrasings mention relatives, so without this "my son wants baclofen" would match any entry
/// with a phrasing about a son. Words for children and age stay ("kid", "child", "teen",
/// "elderly"): they change the answer.
/// Conversational wrapping beyond these few fillers is in <see cref="ChatterWords"/>.
/// The question word "how" is dropped although "how long" matters, because "long" survives and
/// carries the meaning; "when" is dropped because it is in "when does it start", "when did it
/// get approved" and "when to call" alike.
/// </remarks>
public static class EnglishStopWords
{
    public static IReadOnlySet<string> Set { get; } = new HashSet<string>(ChatterWords.Set, StringComparer.Ordinal)
    {
        // articles, conjunctions
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "than", "as", "because",
        // prepositions without topical weight
        "of", "to", "in", "on", "at", "by", "for", "from", "into", "about", "with", "like",
        // pronouns and determiners
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "we", "us", "our", "he", "him",
        "his", "she", "her", "hers", "they", "them", "their", "it", "its", "itself", "this", "that",
        "these", "those", "there", "here", "someone", "something", "anything", "any", "some", "all",
        // auxiliaries and modals
        "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing",
        "have", "has", "had", "having", "can", "could", "will", "would", "shall", "should", "may",
        "might", "must",
        // question words
        "what", "which", "who", "whom", "whose", "how", "why", "where", "when",
        // when the user is speaking, not what about: "took it today", "now what"
        "today", "yesterday", "tomorrow", "tonight", "now", "currently", "lately", "recently",
        "already", "ever", "even", "yet", "anyway", "maybe", "probably", "oops",
        // placeholder nouns
        "thing", "things", "stuff", "anything", "everything",
        // classifier nouns: "what kind of medicine" asks what the medicine is
        "kind", "type", "sort",
        // who is asking
        "mom", "mum", "mother", "dad", "father", "son", "daughter", "wife", "husband", "brother",
        "sister", "boyfriend", "girlfriend", "friend", "partner", "grandma", "grandmother",
        "grandpa", "grandfather", "aunt", "uncle", "nephew", "niece", "roommate", "family",
        "somebody", "guy",
        // chat filler and contraction leftovers
        "just", "really", "very", "also", "please", "pls", "plz", "ok", "okay", "im", "ive", "id",
        "ill", "youre", "thats", "whats", "lol", "kinda", "sorta", "um", "uh", "hey", "s", "t",
        "d", "ll", "m", "re", "ve",
        // chat spellings of the words above: as unknown words they counted against the message
        "wat", "wut", "wht", "u", "ur", "yr", "r", "cuz", "coz", "bc", "tho", "ya", "yall", "gonna",
        "gotta", "hv", "abt",
    };
}
