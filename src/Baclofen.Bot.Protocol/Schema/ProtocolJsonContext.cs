using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baclofen.Bot.Protocol.Schema;

/// <summary>
/// Compile-time serialization metadata for the activity and the expectReplies body, with exactly
/// <see cref="ProtocolJson.Options"/>' settings (so the same results as reflection, without its
/// start-up cost). Reading an activity goes through it; writing one goes through
/// <see cref="ActivityJsonWriter"/>, which the serializer's output is the reference for.
/// Other types go through reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
