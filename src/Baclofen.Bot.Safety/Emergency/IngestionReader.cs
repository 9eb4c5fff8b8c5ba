using Baclofen.Bot.Safety.Recognizers;

namespace Baclofen.Bot.Safety.Emergency;

/// <summary>Reads "someone took an amount" and compares the amount with the thresholds:
/// "i took 15 pills", "my dad swallowed 300 mg", "she took the whole bottle" are overdoses;
/// "I took my two tablets like my doctor said" is not.</summary>
internal sealed class IngestionReader
{
    // Drug names count as one dose each: "took 20 baclofen".
    private static readonly string[] CountNouns =
        ["baclofen", "baclofens", "lioresal", "ozobax", "fleqsuvy", "lyvispah", "kemstro", "medication", "medications", "medicine", "medicines", "meds"];

    private static readonly HashSet<string> PresentTense = new(StringComparer.Ordinal)
    {
        "take", "takes", "swallow", "swallows", "eat", "eats", "drink", "drinks", "pop", "snort",
    };

    private static readonly HashSet<string> Intent = new(StringComparer.Ordinal)
    {
        "gonna", "going", "want", "wanna", "wants", "planning", "plan", "plans", "thinking", "about", "will", "ill", "ready", "intend", "tempted",
    };

    // Words after an amount that make "took" mean carried, not swallowed ("took the whole pack with me").
    private static readonly HashSet<string> CarriedTo = new(StringComparer.Ordinal)
    {
        "to", "back", "along", "out", "away", "off", "down", "home", "abroad", "on", "from",
    };

    private static readonly HashSet<string> DailyWords = new(StringComparer.Ordinal)
    {
        "today", "daily", "day", "yesterday", "24",
    };

    private static readonly HashSet<string> NotDoses = new(StringComparer.Ordinal)
    {
        "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "yrs", "am", "pm", "oclock", "times", "time", "steps", "step", "seconds", "secs", "percent", "sips",
        "breaths", "breath", "drinks", "beers", "glasses", "shots", "cups", "puffs", "bites", "x", "hundred", "kg", "lbs", "kilos",
    };

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "like", "about", "maybe", "around", "approx", "approximately", "roughly", "nearly", "almost", "over", "at", "least",
        "probably", "possibly", "just", "only", "some", "perhaps", "another", "more", "than", "up", "to", "all", "of", "idk",
    };

    // Another action between the verb and the amount means the amount is not what was taken:
    // "popped in to pick up 90 tablets", "took the car to collect 30 pills".
    private static readonly HashSet<string> Errands = new(StringComparer.Ordinal)
    {
        "pick", "get", "buy", "collect", "fetch", "grab", "order", "count", "check", "return", "bring", "show", "find", "drop",
    };

    private readonly IngestionThresholds _limits;
    /// <summary>The amount recognizer, with drug names counting as doses; shared, it is immutable.</summary>
    public static QuantityRecognizer Amounts { get; } = new(CountNouns);

    private readonly QuantityRecognizer _quantities = Amounts;

    public IngestionReader(IngestionThresholds limits) => _limits = limits;

    /// <summary>Adds a signal for each amount taken that is too much, unless its verb is inside a veto.</summary>
    public void Read(AnalysedText text, Framing framing, Vetoes vetoes, List<Signal> into)
    {
        List<QuantitySpan>? quantities = null;
        for (int verb = 0; verb < text.Count; verb++)
        {
            bool weak = text.Word(verb) == "had";
            if (!text.Is(verb, "INGEST") && !weak) continue;
            // "popped into the pharmacy", "popped out": going somewhere, not swallowing.
            if (text.Word(verb) is "popped" or "pop" or "popping" && text.Word(verb + 1) is "into" or "in" or "out" or "over" or "by" or "round" or "down" or "up" or "to" or "off" or "back") continue;
            quantities ??= text.Amounts(_quantities);

            var amount = AmountAfter(text, verb, quantities);
            if (amount is null)
            {
                // "I've got 100 baclofen and I'm going to take them": the amount was named before.
                if (HasIntent(text, verb) && text.Word(verb + 1) is "them" or "those" or "these" && !IsCarried(text, verb + 1)
                    && TooMuchBefore(quantities, verb) && !vetoes.IsVetoedAt(verb))
                    into.Add(new Signal(EmergencyCategory.SelfHarm, !framing.IsGeneral(verb), verb, "ingestion: intent on an amount named before"));
                continue;
            }
            var (quantity, last) = amount.Value;
            // "had" is only taking when the amount is timed ("had 15 tablets in one go") or partly
            // gone ("she's had most of a bottle").
            if (weak && !IsTimed(text, last) && !(quantity.Unit == QuantityUnit.Container && quantity.Value < 1)) continue;
            if (quantity.IsOpenEnded && IsCarried(text, last)) continue;
            // A habit ("I take 30 mg at night", "my dad takes 12 tablets a day") describes a
            // regimen, usually a prescribed one, not an event; it is for the FAQ to answer.
            if (PresentTense.Contains(text.Word(verb)) && !HasIntent(text, verb) && !framing.IsQuestion(verb)) continue;
            // "took all my meds this morning as usual" is the daily round, not the whole supply.
            if (quantity.Unit == QuantityUnit.All && IsRoutine(text, last)) continue;
            if (!IsTooMuch(quantity, IsDaily(text, last))) continue;

            bool intent = HasIntent(text, verb);
            bool negated = IsNegated(text, verb);
            bool asking = framing.IsGeneral(verb) || (framing.IsQuestion(verb) && PresentTense.Contains(text.Word(verb))) || IsConditional(text, verb);
            bool report = !negated && !asking;
            if (!vetoes.IsVetoedAt(verb))
                into.Add(new Signal(intent ? EmergencyCategory.SelfHarm : EmergencyCategory.Overdose, report, verb, "ingestion"));
        }
    }

    private bool TooMuchBefore(List<QuantitySpan> quantities, int verb)
    {
        foreach (var q in quantities)
            if (q.Last < verb && IsTooMuch(q.Quantity, daily: false)) return true;
        return false;
    }

    // Another intake or an errand between the verb and the amount means the amount is not what was taken.
    private static bool InterruptedBetween(AnalysedText text, int verb, int amount)
    {
        for (int i = verb + 1; i < amount; i++)
            if (text.Is(i, "INGEST") || Errands.Contains(text.Word(i))) return true;
        return false;
    }

    private (Quantity Quantity, int Last)? AmountAfter(AnalysedText text, int verb, List<QuantitySpan> quantities)
    {
        int sentence = text.Tokens[verb].Sentence;
        foreach (var q in quantities)
        {
            if (q.First <= verb) continue;
            if (q.First > verb + 10 || text.Tokens[q.First].Sentence != sentence) break;
            if (InterruptedBetween(text, verb, q.First)) break;
            return (q.Quantity, q.Last);
        }

        // A swallowed container: "downed the bottle", "drank her bottle of syrup". Not after
        // "took", which also means carried ("took the bottle to the pharmacy").
        if (text.Word(verb) is not ("took" or "take" or "takes" or "taking" or "taken"))
        {
            int c = verb + 1;
            while (c < text.Count && c <= verb + 3 && text.Word(c) is "the" or "a" or "her" or "his" or "my" or "their" or "whole" or "entire" or "full" or "baclofen") c++;
            if (c > verb + 1 && text.Word(c) is "bottle" or "bottles" or "pack" or "packet" or "box" or "strip" or "blister")
                return (new Quantity(1, QuantityUnit.Container), c);
        }

        // Multiples of a dose: "took 5 times my dose", "triple the dose".
        if (DoseMultiple(text, verb) is { } multiple) return multiple;

        // An amount nobody knows: "swallowed god knows how many", "took no idea how much".
        for (int u = verb + 1; u <= verb + 5 && u + 1 < text.Count && text.Tokens[u].Sentence == sentence; u++)
            if (text.Word(u) == "how" && text.Word(u + 1) is "many" or "much" && !PresentTense.Contains(text.Word(verb)))
                return (new Quantity(null, QuantityUnit.Many), u + 1);

        // A bare number straight after the verb: "took like 20", "swallowed 15 and".
        int k = verb + 1;
        while (k < text.Count && k <= verb + 4 && Fillers.Contains(text.Word(k))) k++;
        if (k < text.Count && text.Tokens[k].Sentence == sentence && NumberRecognizer.TryRead(text.Tokens, k, out var number))
        {
            string next = text.Word(number.Last + 1);
            if (!NotDoses.Contains(next) && number.Value >= 1)
                return (new Quantity(number.Value, QuantityUnit.DoseUnit), number.Last);
        }
        return null;
    }

    private static (Quantity, int)? DoseMultiple(AnalysedText text, int verb)
    {
        // The same dose taken again and again by mistake: "took his tablets three times by mistake".
        for (int i = verb + 1; i <= verb + 5 && i < text.Count; i++)
        {
            if (!NumberRecognizer.TryRead(text.Tokens, i, out var repeats) || text.Word(repeats.Last + 1) != "times") continue;
            if (text.Word(repeats.Last + 2) is "a" or "per" or "each" or "every" or "daily") break;
            bool mistake = false;
            for (int j = repeats.Last + 2; j <= repeats.Last + 6 && j < text.Count; j++)
                mistake |= text.Word(j) is "mistake" or "accident" or "accidentally" or "again" or "extra" or "confused" or "forgot" or "forgetting";
            for (int j = Math.Max(0, verb - 3); j < verb; j++)
                mistake |= text.Word(j) is "accidentally" or "mistakenly" or "confused" or "forgot";
            if (mistake && repeats.Value >= 3) return (new Quantity(null, QuantityUnit.Many), repeats.Last + 1);
            break;
        }

        for (int i = verb + 1; i <= verb + 5 && i < text.Count; i++)
        {
            double factor;
            int next;
            if (text.Word(i) is "triple" or "quadruple" or "treble") { factor = text.Word(i) == "triple" || text.Word(i) == "treble" ? 3 : 4; next = i + 1; }
            else if (NumberRecognizer.TryRead(text.Tokens, i, out var n) && text.Word(n.Last + 1) is "times" or "x") { factor = n.Value; next = n.Last + 2; }
            else continue;
            for (int j = next; j <= next + 4 && j < text.Count; j++)
                if (text.Word(j) is "dose" or "doses" or "dosage" or "amount")
                    // Three times a dose is beyond any single dose; "double" is the common slip the FAQ covers.
                    return factor >= 3 ? (new Quantity(null, QuantityUnit.Many), j) : null;
            return null;
        }
        return null;
    }

    private bool IsTooMuch(Quantity q, bool daily)
    {
        if (q.IsOpenEnded) return q.Value is null || q.Value > 0;
        if (q.Milligrams is double mg && q.Unit != QuantityUnit.DoseUnit)
            return mg > (daily ? _limits.MaxMilligramsPerDay : _limits.MaxMilligramsPerDose);
        return q.Unit switch
        {
            QuantityUnit.DoseUnit => q.Value > (daily ? _limits.MaxTabletsPerDay : _limits.MaxTabletsPerDose)
                || q.Milligrams > (daily ? _limits.MaxMilligramsPerDay : _limits.MaxMilligramsPerDose),
            QuantityUnit.Millilitre => q.Value > _limits.MaxMillilitresPerDose,
            _ => false,
        };
    }

    private static bool IsCarried(AnalysedText text, int last)
    {
        string next = text.Word(last + 1);
        if (next == "with") return text.Word(last + 2) is "me" or "us" or "him" or "her" or "them";
        return CarriedTo.Contains(next);
    }

    private static bool IsDaily(AnalysedText text, int last)
    {
        for (int i = last + 1; i <= last + 4 && i < text.Count; i++)
            if (DailyWords.Contains(text.Word(i))) return true;
        return false;
    }

    private static readonly HashSet<string> Timing = new(StringComparer.Ordinal)
    {
        "once", "go", "together", "today", "tonight", "hour", "hours", "minutes", "mins", "already", "now",
    };

    private static bool IsTimed(AnalysedText text, int last)
    {
        for (int i = last + 1; i <= last + 4 && i < text.Count; i++)
            if (Timing.Contains(text.Word(i))) return true;
        return false;
    }

    private static readonly HashSet<string> RoutineWords = new(StringComparer.Ordinal)
    {
        "usual", "normal", "normally", "prescribed", "directed", "always", "schedule", "routine", "breakfast", "lunch", "dinner", "supper",
    };

    private static bool IsRoutine(AnalysedText text, int last)
    {
        for (int i = last + 1; i <= last + 6 && i < text.Count && text.Tokens[i].Sentence == text.Tokens[last].Sentence; i++)
            if (RoutineWords.Contains(text.Word(i))) return true;
        return false;
    }

    // "if I took 10 tablets", "whether taking 300 mg": a hypothetical, asked about.
    private static bool IsConditional(AnalysedText text, int verb)
    {
        for (int i = verb - 1; i >= Math.Max(0, verb - 3) && text.Tokens[i].Clause == text.Tokens[verb].Clause; i--)
            if (text.Word(i) is "if" or "whether" or "suppose" or "say") return true;
        return false;
    }

    // "I'm going to take them all" is intent; "I want to know if taking 10 is safe" is a question.
    private static bool HasIntent(AnalysedText text, int verb)
    {
        for (int i = verb - 1; i >= Math.Max(0, verb - 4) && text.Tokens[i].Sentence == text.Tokens[verb].Sentence; i--)
        {
            string word = text.Word(i);
            if (word is "if" or "whether" or "know" or "ask" or "asking" or "check" or "wondering") return false;
            if (Intent.Contains(word)) return true;
        }
        return false;
    }

    // Only a negation of the taking itself counts: "didn't take 20", not "can't stand after taking 20".
    private static readonly HashSet<string> VerbNegators = new(StringComparer.Ordinal)
    {
        "didnt", "never", "not", "havent", "hasnt", "hadnt", "dont", "doesnt", "wont", "wasnt", "werent",
    };

    private static bool IsNegated(AnalysedText text, int verb)
    {
        for (int i = Math.Max(0, verb - 2); i < verb; i++)
            if (VerbNegators.Contains(text.Word(i)) && text.Tokens[i].Clause == text.Tokens[verb].Clause) return true;
        return false;
    }
}
