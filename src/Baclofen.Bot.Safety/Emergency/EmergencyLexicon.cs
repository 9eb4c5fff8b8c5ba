using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>The emergency vocabulary: which typed words mean which concept. Rules are written
/// against the concept names (upper case), so "seizure", "seizures" and "siezure" all read as
/// SEIZURE and no rule lists a misspelling.</summary>
internal static class EmergencyLexicon
{
    private static readonly (string Concept, string Forms)[] Entries =
    [
        ("OVERDOSE", "overdose overdosed overdoses overdosing od oded oding odding ods odeing"),
        ("OVERDO", "overdid overdo overdone overdoing"),
        ("SEIZURE", "seizure seizures"),
        ("SEIZE", "seizing seized seizes seizuring siezuring"),
        ("CONVULSE", "convulsing convulsed convulses convulse"),
        ("CONVULSION", "convulsion convulsions"),
        ("EPILEPSY", "epilepsy epileptic epileptics"),
        ("BREATHE", "breathe breathing breath breaths breathes breathed breathin"),
        ("RESPIRATORY", "respiratory respiration"),
        ("BLUE", "blue purple bluish blueish bluey purplish purpley"),
        ("STOP", "stop stopped stops stopping"),
        ("WAKE", "wake waking woke wakes woken awake rouse rousing roused arouse rousable arousable wakeable wakable"),
        ("RESPOND", "respond responding responds responded responsive response answer answering answers react reacting"),
        ("UNCONSCIOUS", "unconscious unresponsive unrousable comatose unconsciousness"),
        ("CONSCIOUS", "conscious"),
        ("COMA", "coma"),
        ("SWELL", "swell swelling swells swollen swelled puffy puffing puffed huge ballooning"),
        ("FACE", "throat tongue lips lip face mouth eyelids cheeks"),
        ("TIGHT", "tight tightening closing closed close"),
        ("ALLERGIC", "allergic allergy anaphylaxis anaphylactic"),
        ("SUICIDE", "suicide suicides suicidal sewerslide"),
        ("KILL", "kill killing killed"),
        ("SELF", "myself himself herself themselves themself yourself"),
        ("DIE", "die dead"),
        ("WITHDRAWAL", "withdrawal withdrawals"),
        ("HALLUCINATE", "hallucinating hallucinations hallucination hallucinate hallucinated hallucinates"),
        ("LETHAL", "lethal fatal deadly"),
        ("POISON", "poison poisoning poisoned toxicity toxic"),
        ("NALOXONE", "narcan naloxone"),
        ("INGEST", "took taken take takes taking swallowed swallow swallows swallowing ate eaten eat eats eating drank drink drinks drinking snorted snort snorting popped pop popping downed necked chugged injected ingested ingest ingesting"),
        ("PILL", "pill pills tablet tablets tab tabs capsule capsules meds medication medications medicine medicines baclofen baclophen baclo lioresal ozobax fleqsuvy lyvispah kemstro gablofen syrup liquid"),
        ("CONTAINER", "bottle bottles pack packs packet packets box boxes blister blisters strip strips organizer organiser prescription supply"),
        ("CHILD", "toddler toddlers baby babies infant kid child preschooler grandkid grandchild"),
        ("PERSON", "mum mom mother mam mommy mummy dad father daddy son sons daughter husband wife partner boyfriend girlfriend brother sister grandma grandpa grandad granddad grandmother grandfather gran nan nana aunt uncle friend mate roommate flatmate housemate patient resident client teen teenager neighbour neighbor cousin nephew niece fiance fiancee grandson granddaughter stepson stepdaughter stepdad stepmum stepmom hubby wifey bf gf carer"),
        ("HE", "he hes she shes they theyre"),
        ("NEG", "not no never dont doesnt didnt isnt arent wasnt werent wont cant cannot couldnt wouldnt shouldnt hasnt havent hadnt aint unable nor without none dnt cnt wnt dosent dosnt doesent cudnt cannt havnt isent"),
    ];

    // Distinctive words whose typos are worth correcting; short everyday words stay exact.
    private const string FuzzyWords =
        "overdose overdosed overdosing overdoses seizure seizures seizing seizuring convulsing convulsions convulsion " +
        "breathing breathe breath stopped unconscious unresponsive swelling swollen suicide suicidal " +
        "withdrawal hallucinating hallucinations anaphylaxis anaphylactic epilepsy epileptic responding " +
        "swallowed ingested tongue throat poisoning toxicity lethal baclofen tablets capsules medication conscious " +
        "respond response responsive responding narcan naloxone closing myself himself herself puffing liquid";

    // The words whose typos matter most, long enough to survive two slips in the middle.
    private const string TwoSlipWords = "breathing unconscious unresponsive overdosed overdosing seizures suicidal";

    // Real words one or two edits from a vocabulary word that mean something else.
    private const string ProtectedWords =
        "leisure sizing seeing stopper stooped stepped shopped stomped shopping stepping stooping " +
        "spelling spellings smelling selling swilling swelled breach breaches breadth breaded breather breathers " +
        "threat threats withdrawn withdraw withdrew withdrawing resounding grasping gargling tongs stopwatch " +
        "unconsciously toxicology lethargy confusion confusions confusing conclusion conclusions conversion " +
        "conversions consulting conversing tables mediation meditation meditations dedication capsize capsized " +
        "cloning clothing liquids responsible responsibly responsibility puffin puffins breaking bleating " +
        "overdrawn overdone ";

    public static FuzzyWordMatcher Matcher { get; } = Build();

    private static FuzzyWordMatcher Build()
    {
        var vocabulary = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (concept, forms) in Entries)
            foreach (var form in forms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                vocabulary.TryAdd(form, concept);
        return new FuzzyWordMatcher(
            vocabulary,
            FuzzyWords.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            ProtectedWords.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            TwoSlipWords.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The concept of a word read together with the word before it, where the pair
    /// means more than the word: "over dose", "over-dosed" are overdoses.</summary>
    public static string? ConceptAfter(string previousWord, string word)
        => previousWord == "over" && word is "dose" or "dosed" or "doses" or "dosing" or "dosage" or "dosd" or "doze" or "dozed"
            || previousWord == "o" && word == "d"
            ? "OVERDOSE" : null;

    /// <summary>The concept a token stands for and the vocabulary word it was typed for.</summary>
    public static (string Word, string Concept)? Read(Token token)
    {
        // "ODd", "OD'd", "OD'ing": the capitals or the apostrophe say overdose, where a plain
        // "odd" is just odd.
        if (token.Text == "odd")
            return token.Original.StartsWith("OD", StringComparison.Ordinal) || token.Original.Length > 3 ? ("odd", "OVERDOSE") : null;
        return Matcher.Closest(token.Text);
    }
}
