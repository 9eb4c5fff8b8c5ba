using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Baclofen.Bot.Protocol.Schema;

/// <summary>
/// The one set of serializer options for the wire: camelCase as the spec writes it, nulls
/// left out (channels treat an explicit null differently from an absent member).
/// </summary>
public static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>For writing straight into a buffer: the same escaping and depth limit as <see cref="Options"/>.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Options.Encoder, MaxDepth = Options.MaxDepth };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 64,
            // Generated code for the per-turn documents, reflection for the rest.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ProtocolJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}
