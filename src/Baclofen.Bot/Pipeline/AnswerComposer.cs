using System.Collections.Concurrent;
using System.Text;
using Baclofen.Bot.Knowledge.Faq;

namespace Baclofen.Bot.Pipeline;

/// <summary>
/// Step 5: an answer's text with its source line and, last, its entry's disclaimer. They are
/// one string so every channel shows the answer and its disclaimer together or not at all.
/// </summary>
public sealed class AnswerComposer(FaqCatalog catalog, bool showSources)
{
    // An entry's composed text depends only on the entry and this catalog, which never change
    // for this composer (a reload builds a new one): composed once per entry, not per answer.
    private readonly ConcurrentDictionary<string, (FaqEntry Entry, string Text)> _composed = new(StringComparer.Ordinal);

    public string Compose(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_composed.TryGetValue(entry.Id, out var known) && ReferenceEquals(known.Entry, entry))
        {
            return known.Text;
        }

        var text = ComposeText(entry);
        _composed[entry.Id] = (entry, text);
        return text;
    }

    private string ComposeText(FaqEntry entry)
    {
        var text = new StringBuilder(entry.Answer.Trim());
        if (showSources && entry.SourceKeys.Count > 0)
        {
            var sources = entry.SourceKeys
                .Select(key => catalog.Sources[key])
                .Select(source => $"{source.Title} ({source.Publisher})");
            text.Append("\n\n_Source: ").Append(string.Join("; ", sources)).Append("_");
        }

        text.Append("\n\n").Append(DisclaimerLine(catalog.DisclaimerFor(entry)));
        return text.ToString();
    }

    public static string DisclaimerLine(Disclaimer disclaimer) => $"**Please note:** {disclaimer.Text.Trim()}";
}
