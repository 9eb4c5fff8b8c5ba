namespace Baclofen.Bot.Pipeline;

/// <summary>
/// The bot's own fixed wording, in one place so clinical reviewers can read all of it at once.
/// FAQ answers, disclaimers and the emergency response are content and configuration, not here.
/// </summary>
public static class BotTexts
{
    public const string Welcome =
        "Hi, I'm the Baclofen FAQ Bot. I answer common questions about baclofen, a medicine for muscle " +
        "stiffness and spasms: how it works, dosing, side effects, stopping safely, interactions and more.\n\n" +
        "I'm not a doctor and this is not medical advice. **In an emergency, call 911.**";

    public const string Help =
        "I'm the Baclofen FAQ Bot, an automated assistant. I answer common questions about baclofen from a " +
        "curated FAQ: what it is, dosing, side effects, stopping safely, interactions and more. Ask in your own words, for example " +
        "\"how long does it take to work?\" or \"can I drink alcohol with it?\", or pick a question below.\n\n" +
        "I'm not medical advice: your doctor or pharmacist knows your situation. **In an emergency, call 911.**";

    public const string Greeting = "Hello! What would you like to know about baclofen?";

    public const string Thanks = "You're welcome. Is there anything else you'd like to know about baclofen?";

    public const string Goodbye = "Take care. If you have more questions about baclofen, I'm here. In an emergency, call 911.";

    public const string Identity =
        "I'm an automated assistant, not a person. I answer questions about baclofen from a curated FAQ. " +
        "For advice about your own treatment, please talk to your doctor or pharmacist.";

    public const string Clarify = "I want to be sure I answer the right question. Did you mean one of these?";

    public const string NoneOfThese = "None of these";

    public const string NoneOfTheseReply =
        "Sorry I couldn't find it. Try asking in other words, or ask your doctor or pharmacist, who know your situation.";

    public const string Fallback =
        "I'm sorry, I don't have an answer to that in my baclofen FAQ. I can answer questions about what " +
        "baclofen is, how to take it, side effects, stopping it safely, interactions with alcohol and other " +
        "medicines, and addiction. For anything else, please ask your doctor or pharmacist.";

    public const string HelpfulButton = "\U0001F44D This helped";

    public const string NotHelpfulButton = "\U0001F44E Didn't help";

    public const string FeedbackThanks = "Thanks for letting me know. Ask me anything else about baclofen.";

    public const string FeedbackSorry =
        "Thanks for telling me; I'm sorry it didn't help. Try asking in other words, or ask your doctor or pharmacist, " +
        "who know your situation.";

    public const string EmptyMessage =
        "I can only read typed questions. Please type your question about baclofen.";
}
