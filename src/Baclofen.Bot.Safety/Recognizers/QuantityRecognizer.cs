using Baclofen.Bot.Safety.Text;

namespace Baclofen.Bot.Safety.Recognizers;

/// <summary>Finds amounts of medicine: numbers with units ("300mg", "2.5 ml", "fifteen tablets",
/// "30 of my pills", "forty 10 mg baclofen") and amounts without a number ("the whole bottle",
/// "a handful", "all my pills", "a bunch").</summary>
/// <remarks>In the spirit of Microsoft.Recognizers.Text's NumberWithUnitRecognizer, narrowed
/// to what people say about medicines.</remarks>
public sealed class QuantityRecognizer
{
    public const string TypeName = "quantity";

    private static readonly Dictionary<string, (QuantityUnit Unit, double Factor)> Measures = new(StringComparer.Ordinal)
    {
        ["mg"] = (QuantityUnit.Milligram, 1), ["mgs"] = (QuantityUnit.Milligram, 1), ["milligram"] = (QuantityUnit.Milligram, 1),
        ["milligrams"] = (QuantityUnit.Milligram, 1), ["milligramme"] = (QuantityUnit.Milligram, 1), ["milligrammes"] = (QuantityUnit.Milligram, 1),
        ["mcg"] = (QuantityUnit.Microgram, 1), ["mcgs"] = (QuantityUnit.Microgram, 1), ["ug"] = (QuantityUnit.Microgram, 1),
        ["µg"] = (QuantityUnit.Microgram, 1), ["microgram"] = (QuantityUnit.Microgram, 1), ["micrograms"] = (QuantityUnit.Microgram, 1),
        ["g"] = (QuantityUnit.Gram, 1), ["gm"] = (QuantityUnit.Gram, 1), ["gms"] = (QuantityUnit.Gram, 1),
        ["gram"] = (QuantityUnit.Gram, 1), ["grams"] = (QuantityUnit.Gram, 1), ["gramme"] = (QuantityUnit.Gram, 1), ["grammes"] = (QuantityUnit.Gram, 1),
        ["ml"] = (QuantityUnit.Millilitre, 1), ["mls"] = (QuantityUnit.Millilitre, 1), ["cc"] = (QuantityUnit.Millilitre, 1),
        ["millilitre"] = (QuantityUnit.Millilitre, 1), ["millilitres"] = (QuantityUnit.Millilitre, 1),
        ["milliliter"] = (QuantityUnit.Millilitre, 1), ["milliliters"] = (QuantityUnit.Millilitre, 1),
        ["teaspoon"] = (QuantityUnit.Millilitre, 5), ["teaspoons"] = (QuantityUnit.Millilitre, 5), ["tsp"] = (QuantityUnit.Millilitre, 5),
        ["tablespoon"] = (QuantityUnit.Millilitre, 15), ["tablespoons"] = (QuantityUnit.Millilitre, 15), ["tbsp"] = (QuantityUnit.Millilitre, 15),
    };

    private static readonly HashSet<string> DefaultDoseUnits = new(StringComparer.Ordinal)
    {
        "pill", "pills", "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "caps", "meds", "gummies",
    };

    private static readonly FuzzyWordSet Containers = new(new HashSet<string>(StringComparer.Ordinal)
    {
        "bottle", "bottles", "pack", "packs", "packet", "packets", "box", "boxes", "blister", "blisters", "strip", "strips",
        "sheet", "sheets", "jar", "jars", "tub", "tubs", "organizer", "organiser", "prescription", "prescriptions",
        "supply", "worth", "lot", "stash", "container", "vial", "vials",
    });

    private static readonly FuzzyWordSet Entire = new(new HashSet<string>(StringComparer.Ordinal) { "entire" });

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "my", "his", "her", "their", "the", "those", "these", "our", "your", "its", "a", "an", "own", "extra", "of",
    };

    private static readonly HashSet<string> ManyHeads = new(StringComparer.Ordinal)
    {
        "amount", "number", "quantity", "pile", "heap", "load", "bunch", "ton", "dose",
    };

    private static readonly HashSet<string> Drinks = new(StringComparer.Ordinal)
    {
        "water", "juice", "milk", "wine", "beer", "vodka", "whisky", "whiskey", "gin", "rum", "coke", "soda", "pop", "tea", "coffee", "cider", "lager",
    };

    private readonly FuzzyWordSet _doseUnits;

    /// <param name="countNouns">Extra words that count as one dose each, such as drug names
    /// ("took 15 baclofen").</param>
    public QuantityRecognizer(IEnumerable<string>? countNouns = null)
    {
        var units = new HashSet<string>(DefaultDoseUnits, StringComparer.Ordinal);
        if (countNouns is not null)
            foreach (var noun in countNouns) units.Add(noun.ToLowerInvariant());
        _doseUnits = new FuzzyWordSet(units);
        _tryRead = TryRead;
    }

    // Made once: a method group passed as a delegate would allocate one per message.
    private readonly SpanReader<QuantitySpan> _tryRead;

    public IReadOnlyList<ModelResult<Quantity>> Recognize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var tokens = Tokenizer.Tokenize(text);
        return Find(tokens)
            .Select(q => new ModelResult<Quantity>(
                text[tokens[q.First].Start..(tokens[q.Last].End + 1)], tokens[q.First].Start, tokens[q.Last].End, TypeName, q.Quantity))
            .ToList();
    }

    internal List<QuantitySpan> Find(IReadOnlyList<Token> tokens) => SpanScanner.Scan(tokens, _tryRead, s => s.Last);

    private bool TryRead(IReadOnlyList<Token> tokens, int i, out QuantitySpan span)
        => TryReadCounted(tokens, i, out span) || TryReadOpenEnded(tokens, i, out span);

    // A number, then a unit: "300 mg", "15 tabs", "30 of my pills", "forty 10 mg baclofen", "half a bottle".
    private bool TryReadCounted(IReadOnlyList<Token> tokens, int i, out QuantitySpan span)
    {
        span = default;
        if (!NumberRecognizer.TryRead(tokens, i, out var number)) return false;
        int k = number.Last + 1;

        // "forty 10 mg (tablets)", "8 of my 10mg baclofen": a count of tablets of a given strength.
        while (k < tokens.Count && k - number.Last <= 3 && (Determiners.Contains(tokens[k].Text) || tokens[k].Text == "x")) k++;
        if (NumberRecognizer.TryRead(tokens, k, out var strength)
            && Measures.TryGetValue(At(tokens, strength.Last + 1), out var strengthUnit)
            && strengthUnit.Unit == QuantityUnit.Milligram)
        {
            int end = strength.Last + 1;
            if (_doseUnits.Contains(At(tokens, end + 1))) end++;
            if (_doseUnits.Contains(At(tokens, end + 1))) end++;
            span = new QuantitySpan(i, end, new Quantity(number.Value, QuantityUnit.DoseUnit, strength.Value));
            return true;
        }
        k = number.Last + 1;

        if (Measures.TryGetValue(At(tokens, k), out var measure))
        {
            span = new QuantitySpan(i, k, new Quantity(number.Value * measure.Factor, measure.Unit));
            return true;
        }

        // Skip "of my", "of her", "a" ... and at most one descriptive word ("4 sleeping tablets").
        int j = k;
        bool sawOf = false;
        while (j < tokens.Count && j - k < 4 && Determiners.Contains(tokens[j].Text)) { sawOf |= tokens[j].Text == "of"; j++; }
        string unitWord = At(tokens, j);
        if (sawOf && unitWord is "them" or "those" or "these" or "it")
        {
            span = new QuantitySpan(i, j, new Quantity(number.Value, QuantityUnit.DoseUnit));
            return true;
        }
        if (!_doseUnits.Contains(unitWord) && !Containers.Contains(unitWord) && j + 1 < tokens.Count
            && (_doseUnits.Contains(At(tokens, j + 1)) || Containers.Contains(At(tokens, j + 1))) && !tokens[j].IsNumber)
            j++;
        unitWord = At(tokens, j);
        if (_doseUnits.Contains(unitWord))
        {
            int end = _doseUnits.Contains(At(tokens, j + 1)) ? j + 1 : j;
            span = new QuantitySpan(i, end, new Quantity(number.Value, QuantityUnit.DoseUnit));
            return true;
        }
        if (Containers.Contains(unitWord) && !IsDrinkContainer(tokens, j))
        {
            span = new QuantitySpan(i, j, new Quantity(number.Value, QuantityUnit.Container));
            return true;
        }
        if (unitWord is "handful" or "handfuls")
        {
            span = new QuantitySpan(i, j, new Quantity(number.Value, QuantityUnit.Handful));
            return true;
        }
        return false;
    }

    private bool TryReadOpenEnded(IReadOnlyList<Token> tokens, int i, out QuantitySpan span)
    {
        span = default;
        string w = tokens[i].Text;
        string next = At(tokens, i + 1);
        // Where a span read from here begins: at a determiner just before ("the whole bottle");
        // worked out only for the spans that use it.
        int Start() => i > 0 && tokens[i - 1].Text is "the" or "a" or "an" or "my" or "his" or "her" or "their" or "this" or "that" ? i - 1 : i;

        // "the whole bottle", "my entire prescription", "a whole week's worth", "a full pack".
        if (w is "whole" or "full" || Entire.Contains(w))
        {
            for (int j = i + 1; j <= i + 3 && j < tokens.Count; j++)
            {
                if (Containers.Contains(tokens[j].Text) && !IsDrinkContainer(tokens, j))
                {
                    span = new QuantitySpan(Start(), j, new Quantity(1, QuantityUnit.Container));
                    return true;
                }
                if (tokens[j].Text is "thing" or "lot")
                {
                    span = new QuantitySpan(Start(), j, new Quantity(null, QuantityUnit.All));
                    return true;
                }
                // "a whole tablet" is one tablet, swallowed rather than split; "her whole week's pills" is a supply.
                if (_doseUnits.Contains(tokens[j].Text))
                {
                    bool single = j == i + 1 && !tokens[j].Text.EndsWith('s');
                    span = new QuantitySpan(Start(), j, single ? new Quantity(1, QuantityUnit.DoseUnit) : new Quantity(null, QuantityUnit.All));
                    return true;
                }
            }
            return false;
        }

        // "all my pills", "all of them", "all the tablets", "them all", "every pill", "the lot", "the rest of the bottle".
        if (w == "all")
        {
            int j = i + 1;
            while (j < tokens.Count && j - i <= 3 && Determiners.Contains(tokens[j].Text) && tokens[j].Text is not ("these" or "those")) j++;
            string head = At(tokens, j);
            if (head is "them" or "it" or "those" or "these" && j > i + 1 || _doseUnits.Contains(head) || Containers.Contains(head))
            {
                span = new QuantitySpan(i, j, new Quantity(null, QuantityUnit.All));
                return true;
            }
            if (_doseUnits.Contains(At(tokens, j + 1)))
            {
                span = new QuantitySpan(i, j + 1, new Quantity(null, QuantityUnit.All));
                return true;
            }
            return false;
        }
        if (w is "them" or "those" or "these" && next == "all")
        {
            span = new QuantitySpan(i, i + 1, new Quantity(null, QuantityUnit.All));
            return true;
        }
        if (w == "every" && (_doseUnits.Contains(next) || next is "one" or "single" or "last"))
        {
            int end = next is "single" or "last" && _doseUnits.Contains(At(tokens, i + 2)) ? i + 2 : i + 1;
            span = new QuantitySpan(i, end, new Quantity(null, QuantityUnit.All));
            return true;
        }
        if (w is "everything" or "everythin")
        {
            span = new QuantitySpan(i, i, new Quantity(null, QuantityUnit.All));
            return true;
        }
        // "most of a bottle", "half of her pack", "the rest of the strip": part of a supply.
        if (w is "most" or "half" or "majority" or "bulk" && next == "of")
        {
            int j = i + 2;
            while (j < tokens.Count && j - i <= 5 && (Determiners.Contains(tokens[j].Text) || _doseUnits.Contains(tokens[j].Text))) j++;
            if (Containers.Contains(At(tokens, j)))
            {
                span = new QuantitySpan(i, j, new Quantity(w == "half" ? 0.5 : 0.75, QuantityUnit.Container));
                return true;
            }
        }

        // "a month's worth", "two weeks supply".
        // The words first: they rule out almost every token, the number reading rarely has to run.
        if (next is "day" or "days" or "week" or "weeks" or "month" or "months" && At(tokens, i + 2) is "worth" or "supply"
            && (w is "a" or "an" || tokens[i].IsNumber || NumberRecognizer.TryRead(tokens, i, out _)))
        {
            span = new QuantitySpan(i, i + 2, new Quantity(1, QuantityUnit.Container));
            return true;
        }

        if (w == "the" && next == "lot")
        {
            span = new QuantitySpan(i, i + 1, new Quantity(null, QuantityUnit.All));
            return true;
        }
        if (w == "the" && next == "rest" && At(tokens, i + 2) == "of")
        {
            span = new QuantitySpan(i, i + 2, new Quantity(null, QuantityUnit.All));
            return true;
        }

        // "a handful", "handfuls" -- of medicine, not of "a handful of nuts".
        if (w is "handful" or "handfuls" && OfMedicineOrNothing(tokens, i + 1))
        {
            span = new QuantitySpan(Start(), i, new Quantity(null, QuantityUnit.Handful));
            return true;
        }

        // "a bunch", "a lot", "loads", "a massive amount", "dozens" -- but not "a lot of time".
        if (w is "lots" or "loads" or "tons" or "heaps" or "dozens" or "hundreds" or "bunch" && OfMedicineOrNothing(tokens, i + 1))
        {
            span = new QuantitySpan(Start(), i, new Quantity(null, QuantityUnit.Many));
            return true;
        }
        if (w is "a" && next is "lot" or "load" or "ton" or "heap" or "pile" or "shedload" or "shitload" or "shitton" or "boatload"
            or "truckload" or "bucketload" or "fistful" or "mouthful" or "stack" && OfMedicineOrNothing(tokens, i + 2))
        {
            span = new QuantitySpan(i, i + 1, new Quantity(null, QuantityUnit.Many));
            return true;
        }
        if (w is "a" or "an" && (next is "massive" or "huge" or "large" or "big" or "crazy" or "insane" or "enormous" or "ridiculous" or "shit" or "stupid" or "giant" or "whole")
            && ManyHeads.Contains(At(tokens, i + 2)) && OfMedicineOrNothing(tokens, i + 3))
        {
            span = new QuantitySpan(i, i + 2, new Quantity(null, QuantityUnit.Many));
            return true;
        }

        // "a bottle of baclofen", "a pack": one container, unless it holds a drink.
        if (w is "a" or "an" or "one" && Containers.Contains(next) && next is not ("lot" or "worth" or "supply" or "prescription") && !IsDrinkContainer(tokens, i + 1))
        {
            span = new QuantitySpan(i, i + 1, new Quantity(1, QuantityUnit.Container));
            return true;
        }
        return false;
    }

    // After a vague amount, "of" must lead to medicine: "a bunch of her pills", not "a lot of time".
    private bool OfMedicineOrNothing(IReadOnlyList<Token> tokens, int i)
    {
        if (At(tokens, i) != "of") return true;
        int j = i + 1;
        while (j < tokens.Count && j - i <= 3 && Determiners.Contains(tokens[j].Text)) j++;
        for (int k = j; k <= j + 2 && k < tokens.Count; k++)
        {
            string w = tokens[k].Text;
            if (_doseUnits.Contains(w) || Containers.Contains(w) || w is "them" or "it" or "those" or "these" or "stuff") return true;
        }
        return false;
    }

    // "a bottle of water" is not an amount of medicine.
    private static bool IsDrinkContainer(IReadOnlyList<Token> tokens, int containerIndex)
        => At(tokens, containerIndex + 1) == "of" && Drinks.Contains(At(tokens, containerIndex + 2));

    private static string At(IReadOnlyList<Token> tokens, int i) => i >= 0 && i < tokens.Count ? tokens[i].Text : "";
}

internal readonly record struct QuantitySpan(int First, int Last, Quantity Quantity);

/// <summary>Unit words, forgiving one typo in long ones ("tablts", "baclofin", "bttle") because
/// a misspelt unit must not hide an amount.</summary>
internal sealed class FuzzyWordSet(HashSet<string> words)
{
    private readonly string[] _long = words.Where(w => w.Length >= 6).ToArray();

    // Most words asked about are of no length of a unit and start like no long unit: bit tests
    // turn them away before any hashing. Lengths of 64 and over share the last bit.
    private readonly ulong _lengths = words.Aggregate(0UL, (m, w) => m | LengthBit(w));
    private readonly ulong _longInitials = words.Where(w => w.Length >= 6).Aggregate(0UL, (m, w) => m | InitialBit(w[0]));

    private static ulong LengthBit(string w) => 1UL << Math.Min(w.Length, 63);
    private static ulong InitialBit(char c) => 1UL << (c & 63);

    private static readonly HashSet<string> RealWords = new(StringComparer.Ordinal)
    {
        "tables", "meditation", "mediation", "capsize", "battle", "bottom", "pocket", "packed", "sister", "blisters", "supple", "supplies",
    };

    public bool Contains(string word)
    {
        if ((_lengths & LengthBit(word)) != 0 && words.Contains(word)) return true;
        // No long unit with this first letter: no typo of one (the loop below would find none).
        if (word.Length < 5 || (_longInitials & InitialBit(word[0])) == 0 || RealWords.Contains(word)) return false;
        // Containers are short words; a five-letter typo of a six-letter unit is still one slip.
        foreach (var unit in _long)
            if (unit[0] == word[0] && Text.EditDistance.Bounded(word, unit, 1) <= 1) return true;
        return false;
    }
}
