using Baclofen.Bot.Safety.Emergency;

namespace Baclofen.Bot.Safety.Learned;

/// <summary>One labelled message of the training corpus or an evaluation set.</summary>
/// <param name="Label">emergency, info, topic or benign.</param>
/// <param name="CategoryName">The writer's category (third column), if any.</param>
public sealed record CorpusLine(string Message, string Label, string? CategoryName)
{
    public bool IsEmergency => Label == "emergency";

    /// <summary>The reply contract's category for the writer's category name, if it names one.</summary>
    public EmergencyCategory? Category => CorpusCategories.Of(CategoryName);
}

/// <summary>
/// Reads corpus files: UTF-8, <c>message&lt;TAB&gt;label[&lt;TAB&gt;category]</c>, blank lines
/// and # comments skipped, the same format as <c>tests/eval/emergency.tsv</c>.
/// </summary>
public static class CorpusFile
{
    public static readonly string[] Labels = ["emergency", "info", "topic", "benign"];

    public static IReadOnlyList<CorpusLine> Read(TextReader reader, string name)
    {
        var lines = new List<CorpusLine>();
        int number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw) || raw.StartsWith('#')) continue;
            var parts = raw.Split('\t');
            if (parts.Length < 2 || !Labels.Contains(parts[1].Trim()))
                throw new FormatException($"{name}:{number}: expected message<TAB>emergency|info|topic|benign[<TAB>category]");
            var category = parts.Length > 2 && parts[2].Trim().Length > 0 ? parts[2].Trim() : null;
            lines.Add(new CorpusLine(parts[0].Trim(), parts[1].Trim(), category));
        }
        return lines;
    }

    public static IReadOnlyList<CorpusLine> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }
}

/// <summary>Maps the category names corpus writers use (the nine categories, in their
/// words) onto the reply contract's seven triggers.</summary>
public static class CorpusCategories
{
    public static EmergencyCategory? Of(string? name)
    {
        if (name is null) return null;
        var n = name.ToLowerInvariant();
        // A child's or pet's ingestion and a dangerous mix are overdoses to Poison Control and 911.
        if (n.Contains("self") || n.Contains("suicid")) return EmergencyCategory.SelfHarm;
        if (n.Contains("withdraw") || n.Contains("pump")) return EmergencyCategory.SevereWithdrawal;
        if (n.Contains("seiz") || n.Contains("convuls")) return EmergencyCategory.Seizure;
        if (n.Contains("breath") || n.Contains("respirat")) return EmergencyCategory.Breathing;
        if (n.Contains("unrespons") || n.Contains("uncons") || n.Contains("collaps") || n.Contains("wake")) return EmergencyCategory.Unresponsive;
        if (n.Contains("anaphyl") || n.Contains("allerg")) return EmergencyCategory.AllergicSwelling;
        if (n.Contains("overdose") || n.Contains("too-much") || n.Contains("child") || n.Contains("pet") || n.Contains("ingest")
            || n.Contains("mix") || n.Contains("alcohol") || n.Contains("opioid") || n.Contains("benzo") || n.Contains("combin"))
            return EmergencyCategory.Overdose;
        return null;
    }
}
