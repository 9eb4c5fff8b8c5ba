using Baclofen.Bot.Safety.Recognizers;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>
/// A small child or a pet got at the medicine: a child ("toddler", "my 18 month old", "hes 2",
/// "3yo", "the little one") or a pet, something done with the medicine (chewed, swallowed, ate,
/// licked, had it in the mouth, got into it, grabbed it, one missing) and the medicine named.
/// No amount and no symptom is needed: any amount can harm a toddler, and Poison Control wants
/// the call before symptoms start.
/// </summary>
/// <remarks>
/// Children on baclofen take their own doses ("my 8 year old took his baclofen"), so a child
/// taking "his/her/their" medicine is not counted here (amounts taken still are, elsewhere). An
/// all-clear ("still sealed", "nothing missing", "it was empty"), a denial ("she didn't swallow
/// any") or a hypothetical ("if my dog ever ate one") keeps it quiet.
/// </remarks>
internal static class ChildIngestionReader
{
    public static IEnumerable<Pattern> Patterns => [.. Young, .. Pets, .. Contact, .. Traces, .. AllClear, Medicine];

    private static readonly Pattern[] Young =
    [
        new("CHILD"),
        new("grandson|granddaughter|grandkid|grandkids|grandchild|grandchildren|grandbaby|granbaby|kiddo|kiddos|youngest|preschooler|newborn|infant|infants|twins|kids|children"),
        new("little|baby one|boy|girl|man|lad|guy|ones"),
        // A nanny or babysitter writing is writing about a child in their care.
        new("nanny|babysitter|babysitting|sitter|childminder|minder|daycare|nursery"),
        // Only a child mistakes a tablet for a sweet.
        new("thought|thinking|think|thinks *3 candy|sweets|sweet|sweetie|lolly|lollies|smarties|mints|skittles|mm|tic"),
    ];

    private static readonly Pattern[] Pets =
    [
        new("dog|dogs|doggy|doggo|puppy|pup|cat|cats|kitten|kitty|pet|beagle|collie|labrador|lab|terrier|spaniel|poodle|retriever|chihuahua|dachshund|pug|husky|hamster|rabbit|ferret|parrot"),
    ];

    private static readonly Pattern[] Contact =
    [
        new("swallowed|swallow|swallowing|ate|eaten|eat|eating|chewed|chewing|chew|chews|bit|biting|licked|licking|lick|sucked|sucking|gulped|drank|drunk|ingested|munched|munching|mouthing|mouthed|sucks|licks|gnawing|gnawed"),
        new("in|into his|her|their|its|the? mouth"),
        new("got|gotten|getting|get into|hold|ahold"),
        new("grabbed|grab|grabbing|snatched|stole|opened|found|took|taken|had|got *4 PILL|CONTAINER"),
        new("PILL|CONTAINER|one|ones|some *4 missing|gone"),
    ];

    // What is left behind when some went in, with no verb for it: "part of it was gone", "half
    // of it is missing", "sticky around his mouth", "bits in her mouth". They outweigh an
    // all-clear such as "I pulled it out": what is gone was swallowed.
    private static readonly Pattern[] Traces =
    [
        new("part|half|bit|bits|piece|pieces|chunk|corner|most|some|rest of? it|them|the|one|tablet|pill *3 gone|missing|bitten|chewed"),
        new("sticky|residue|crumbs|powder|powdery|bits|pieces|flecks|chalky|syrup|liquid *4 mouth|lips|chin|tongue|teeth|gums"),
        new("mouth|lips|chin|tongue|teeth|gums *3 sticky|crumbs|bits|pieces|residue|powder|powdery|chalky|smells|smelled|tastes"),
    ];

    private static readonly PatternSet AnyTrace = new(Traces);

    private static readonly Pattern Medicine = new("PILL|CONTAINER|relaxer|relaxers");

    private static readonly Pattern[] AllClear =
    [
        new("still|all|completely|unopened sealed"),
        new("nothing|none|no pills|tablets|pill|tablet|meds *1 missing|involved|inside|left|in"),
        new("all|every|everything *2 accounted"),
        new("was|were|its|it|totally|completely|already empty"),
        new("NEG *2 pills|tablets|meds *2 in|inside|came"),
        new("cap|lid|seal *2 still on"),
        new("didnt|did|not|never get|eat|swallow|take|have any"),
        new("before *4 ate|eat|swallowed|swallow|got|mouth|any"),
        new("not my PILL|pills|meds|tablets"),
        new("closed|sealed|unopened bottle|pack|box|packet|container"),
        new("got|took|grabbed|pulled it|them back|off|away|out"),
        new("outside of"),
        // Prevention, not a report: "how do I stop my kid from getting into the medicine cabinet".
        new("stop|keep|prevent|stopping|keeping|preventing|stops *4 from getting|reaching|opening|eating|grabbing|swallowing|taking|climbing"),
        new("childproof|babyproof|child-proof|baby-proof|childproofing|babyproofing"),
    ];

    private static readonly HashSet<string> AgeVerbs = new(StringComparer.Ordinal) { "hes", "shes", "aged", "age", "is", "are" };

    private static readonly HashSet<string> AgeSubjects = new(StringComparer.Ordinal)
    {
        "he", "she", "who", "son", "daughter", "boy", "girl", "one", "grandson", "granddaughter", "niece", "nephew", "twins",
        "youngest", "baby", "toddler", "kid", "child", "grandchild", "grandkid", "kiddo", "they",
    };

    private static readonly HashSet<string> Years = new(StringComparer.Ordinal) { "year", "years", "yr", "yrs", "yo", "yrold", "yearold", "y" };
    private static readonly HashSet<string> Months = new(StringComparer.Ordinal) { "month", "months", "mo", "mos", "mth", "mths", "mnth", "week", "weeks", "wk", "wks" };

    private static readonly PatternSet AnyContact = new(Contact);

    private static readonly HashSet<string> NotAges = new(StringComparer.Ordinal)
    {
        "mg", "mgs", "ml", "tablets", "tablet", "tabs", "pills", "pill", "times", "x", "hours", "hrs", "hour", "days", "day", "minutes",
        "mins", "am", "pm", "oclock", "doses", "dose", "a", "per", "weeks", "kg", "lbs", "percent", "of",
    };

    public static void Read(AnalysedText text, Framing framing, Vetoes vetoes, List<Signal> into)
    {
        if (!AnyContact.MayMatch(text) && !AnyTrace.MayMatch(text) || !Any(Medicine, text, vetoes)) return;
        if (!IsYoungOrPet(text, vetoes)) return;
        foreach (var pattern in Traces)
        {
            var matches = pattern.Matches(text);
            for (int m = 0; m < matches.Count; m++)
            {
                var match = matches[m];
                if (vetoes.IsVetoed(match) || Negation.IsNegated(text, match) || framing.IsGeneral(match[0])) continue;
                into.Add(new Signal(EmergencyCategory.Overdose, true, match[0], "child or pet + medicine gone or on the mouth"));
                return;
            }
        }
        foreach (var clear in AllClear)
            if (clear.Matches(text).Count > 0) return;
        foreach (var pattern in Contact)
        {
            var matches = pattern.Matches(text);
            for (int m = 0; m < matches.Count; m++)
            {
                var match = matches[m];
                if (vetoes.IsVetoed(match) || Negation.IsNegated(text, match) || framing.IsGeneral(match[0]) || IsOwnMedicine(text, match[0])) continue;
                if (!IsAboutTheMedicine(text, match)) continue;
                into.Add(new Signal(EmergencyCategory.Overdose, true, match[0], "child or pet + medicine"));
                return;
            }
        }
    }

    private static bool IsYoungOrPet(AnalysedText text, Vetoes vetoes)
    {
        foreach (var pattern in Young)
            if (Any(pattern, text, vetoes)) return true;
        if (Any(Pets[0], text, vetoes)) return true;
        for (int i = 0; i < text.Count; i++)
            if (IsChildsAge(text, i)) return true;
        return false;
    }

    // "3 year old", "18 months", "3yo", "hes 2", "my son is 4", "aged 3": a child's age, not a dose.
    private static bool IsChildsAge(AnalysedText text, int i)
    {
        if (!NumberRecognizer.TryRead(text.Tokens, i, out var number)) return false;
        string unit = text.Word(number.Last + 1);
        // "my 18mo", "daughter 2 years": the age right after the child or a possessive.
        bool afterChild = text.Word(i - 1) is "my" or "our" or "the" or "a" or "his" or "her" || AgeSubjects.Contains(text.Word(i - 1));
        bool saidAsAge = afterChild || AgeVerbs.Contains(text.Word(i - 1)) && (text.Word(i - 1) is "hes" or "shes" or "aged" or "age" || AgeSubjects.Contains(text.Word(i - 2)) || text.Is(i - 2, "CHILD"));
        if (Years.Contains(unit)) return number.Value <= 12 && (unit is not ("year" or "years" or "yr" or "yrs") || text.Word(number.Last + 2) is "old" or "olds" || saidAsAge);
        if (Months.Contains(unit)) return number.Value <= 48 && (text.Word(number.Last + 2) is "old" or "olds" || saidAsAge);
        // "hes 2", "she's 4 and", "who is 2 took": no unit after the number that makes it an amount.
        bool amount = number.Last + 1 < text.Count && text.Tokens[number.Last + 1].Clause == text.Tokens[number.Last].Clause
            && (text.Is(number.Last + 1, "PILL") || NotAges.Contains(text.Word(number.Last + 1)));
        return saidAsAge && !amount && number.Value <= 12;
    }

    // The medicine in the same clause, or pointed at ("ate one", "swallowed some"): "my dog ate
    // my shoe, anyway how long does baclofen last" is about a shoe.
    private static bool IsAboutTheMedicine(AnalysedText text, int[] match)
    {
        int clause = text.Tokens[match[0]].Clause;
        for (int i = Math.Max(0, match[0] - 8); i <= match[^1] + 8 && i < text.Count; i++)
            if (text.Tokens[i].Clause == clause && (text.Is(i, "PILL") || text.Is(i, "CONTAINER") || text.Word(i) is "relaxer" or "relaxers")) return true;
        // "sucking on a tablet", "chewing at one": the thing in the mouth after a preposition.
        int next = match[^1] + 1;
        if (text.Word(next) is "on" or "at") next++;
        if (text.Word(next) is "a" or "an" && text.Word(next + 1) is "tablet" or "pill" or "tab" or "capsule") return true;
        return text.Word(next) is "one" or "some" or "it" or "them" or "any" or "part" or "half" or "several" or "few" or "couple" or "more" or "those" or "these" or "a" or "tablets" or "pills";
    }

    // "took his baclofen", "had her dose": a child's own prescribed medicine.
    private static bool IsOwnMedicine(AnalysedText text, int verb)
    {
        // "I had my baclofen", "we took ours": the writer's own dose.
        for (int i = Math.Max(0, verb - 2); i < verb; i++)
            if (text.Word(i) is "i" or "ive" or "id" or "we" or "weve" or "wed" && text.Tokens[i].Clause == text.Tokens[verb].Clause) return true;
        if (text.Word(verb) is not ("took" or "taken" or "had" or "swallowed" or "swallow" or "ate" or "eaten")) return false;
        for (int i = verb + 1; i <= verb + 2 && i < text.Count; i++)
            if (text.Word(i) is "his" or "her" or "their" or "its") return !IsExcess(text, verb);
        return false;
    }

    private static bool IsExcess(AnalysedText text, int verb)
    {
        for (int i = verb + 1; i <= verb + 5 && i < text.Count; i++)
            if (text.Word(i) is "extra" or "more" or "all" or "whole" or "several" or "twice" or "double" or "again") return true;
        return false;
    }

    private static bool Any(Pattern pattern, AnalysedText text, Vetoes vetoes)
    {
        var matches = pattern.Matches(text);
        for (int m = 0; m < matches.Count; m++)
            if (!vetoes.IsVetoed(matches[m])) return true;
        return false;
    }
}
