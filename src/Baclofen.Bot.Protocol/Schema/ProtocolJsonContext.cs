using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baclofen.Bot.Protocol.Schema;

/// <summary>
/// Compile-time serialization code for the activity and the expectReplies body, the two
/// documents every turn reads and writes, with exactly <see cref="ProtocolJson.Options"/>'
/// settings (so the same bytes as reflection-based serialization, without its per-member
/// indirection). Other types still go through reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
