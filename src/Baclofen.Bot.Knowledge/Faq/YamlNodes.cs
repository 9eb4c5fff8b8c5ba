using YamlDotNet.RepresentationModel;

namespace Baclofen.Bot.Knowledge.Faq;

/// <summary>
/// Small helpers over YamlDotNet's representation model. We read nodes rather than deserialize
/// into a class because validation errors must point at the line of the offending value.
/// </summary>
internal static class YamlNodes
{
    /// <summary>1-based line of a node within the YAML text.</summary>
    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

    public static YamlScalarNode? KeyNode(YamlMappingNode map, string key) =>
        map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(s => s.Value == key);

    /// <summary>Parses YAML text into its root node; a syntax error is reported with its line.</summary>
    public static YamlNode? ParseRoot(string text, out (int Line, string Message)? error)
    {
        error = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            error = ((int)ex.Start.Line, "invalid YAML: " + message.Split('\n')[0].Trim());
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet reports some structural errors (an unclosed flow sequence) this way, without a position.
            error = (1, "invalid YAML: " + ex.Message.Split('\n')[0].Trim());
            return null;
        }
    }
}
